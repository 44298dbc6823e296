package org.jiandu.archive;

import java.util.List;
import java.util.Map;

import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The archive packages of a record, their verification, and a sweep on demand. */
@RestController
class ArchiveController {

    private final ArchiveVerifier verifier;
    private final ArchiveSweep sweep;

    ArchiveController(ArchiveVerifier verifier, ArchiveSweep sweep) {
        this.verifier = verifier;
        this.sweep = sweep;
    }

    @GetMapping("/api/archives")
    @Roles({Role.ADMIN, Role.AUDITOR})
    List<ArchivePackage> packages(@RequestParam String businessKey) {
        return verifier.packages(businessKey);
    }

    /** Recomputes every hash of the package: {@code intact} is false, with the problems named, if anything changed. */
    @GetMapping("/api/archives/{id}/verification")
    @Roles({Role.ADMIN, Role.AUDITOR})
    ArchiveVerifier.Verification verify(@PathVariable long id) {
        return verifier.verify(id);
    }

    /** Archives now every closed record that has no package yet (the scheduled sweep does the same). */
    @PostMapping("/api/admin/archives/sweep")
    @Roles(Role.ADMIN)
    Map<String, Integer> sweep() {
        return Map.of("archived", sweep.sweep());
    }
}
