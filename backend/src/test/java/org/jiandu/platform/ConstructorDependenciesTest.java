package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * No bean of ours takes more than {@value #MAX} collaborators: a class that needs more does more than one thing and
 * is split along the step catalogue's lines (opening, steps, listeners, reading, documents; docs/README-workflow.md).
 */
class ConstructorDependenciesTest {

    static final int MAX = 8;

    @Test
    void noBeanHasMoreThanEightConstructorDependencies() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Map<String, Integer> tooMany = new TreeMap<>();
        int beans = 0;
        for (BeanDefinition bean : scanner.findCandidateComponents("org.jiandu")) {
            Class<?> type = Class.forName(bean.getBeanClassName());
            if (type.getName().contains("Test")) {
                continue;
            }
            beans++;
            int most = Arrays.stream(type.getDeclaredConstructors()).mapToInt(Constructor::getParameterCount).max().orElse(0);
            if (most > MAX) {
                tooMany.put(type.getName(), most);
            }
        }
        assertThat(beans).as("beans scanned").isGreaterThan(50);
        assertThat(tooMany).as("beans with more than %d constructor dependencies", MAX).isEmpty();
    }
}
