package org.jiandu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;

/**
 * The dependencies between the top-level packages of {@code org.jiandu}: no cycles, and the packages
 * everything uses ({@code platform}, {@code audit}) depend on nothing of ours but {@code web}. Where a
 * lower package needs something of a higher one, it declares a small interface the higher one implements
 * ({@code trace.TraceLinks}, {@code stats.StatsSection}, {@code audit.AuditActor}).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jiandu");

    /**
     * Dependencies a cycle between top-level packages may keep, each as {origin class, target class} with
     * the reason on its line. Empty: no cycle is left. Add one only with its reason, never to make a build pass.
     */
    private static final List<String[]> ALLOWED_IN_A_CYCLE = List.of();

    @Test
    void noCyclesBetweenTopLevelPackages() {
        SliceRule rule = slices().matching("org.jiandu.(*)..").should().beFreeOfCycles();
        for (String[] allowed : ALLOWED_IN_A_CYCLE) {
            rule = rule.ignoreDependency(allowed[0], allowed[1]);
        }
        rule.check(CLASSES);
    }

    @Test
    void platformDependsOnNothingOfOursButWeb() {
        noClasses().that().resideInAPackage("org.jiandu.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesExcept("platform", "web"))
                .check(CLASSES);
    }

    @Test
    void auditDependsOnNothingOfOursButWeb() {
        noClasses().that().resideInAPackage("org.jiandu.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(packagesExcept("audit", "web"))
                .check(CLASSES);
    }

    /** Every top-level package of org.jiandu but the named ones, as ArchUnit package patterns. */
    private static String[] packagesExcept(String... kept) {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String name = type.getPackageName();
            if (name.startsWith("org.jiandu.")) {
                packages.add(name.substring("org.jiandu.".length()).split("\\.")[0]);
            }
        }
        packages.removeAll(Set.of(kept));
        return packages.stream().map(name -> "org.jiandu." + name + "..").toArray(String[]::new);
    }
}
