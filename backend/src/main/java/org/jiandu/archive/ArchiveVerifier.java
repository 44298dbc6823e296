package org.jiandu.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jiandu.document.DocumentStore;
import org.jiandu.web.ApiException;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record's archive packages, and their verification: the manifest's SHA-256 against the one registered in
 * {@code archive_package}, every listed file's SHA-256 against the manifest, and no file the manifest does not list.
 */
@Service
public class ArchiveVerifier {

    private final ArchiveMapper mapper;
    private final ArchiveSettings settings;
    private final ObjectMapper json;

    ArchiveVerifier(ArchiveMapper mapper, ArchiveSettings settings, ObjectMapper json) {
        this.mapper = mapper;
        this.settings = settings;
        this.json = json;
    }

    public List<ArchivePackage> packages(String businessKey) {
        return mapper.findByBusinessKey(businessKey);
    }

    /** Recomputes the SHA-256 of the manifest and of every file, and looks for files the manifest does not list. */
    public Verification verify(long id) {
        ArchivePackage archived = mapper.find(id).orElseThrow(() -> ApiException.notFound("ARCHIVE_NOT_FOUND",
                "归档包 " + id + " 不存在。"));
        Path dir = settings.getDir().resolve(archived.location());
        List<String> problems = new ArrayList<>();
        Path manifestFile = dir.resolve(Archiver.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return new Verification(archived, false, 0, List.of("缺少归档清单 " + Archiver.MANIFEST));
        }
        byte[] manifestBytes = read(manifestFile);
        if (!DocumentStore.sha256(manifestBytes).equals(archived.manifestSha256())) {
            problems.add("归档清单的 SHA-256 与归档登记不符：清单已被改动");
        }
        List<Map<String, Object>> listed;
        try {
            listed = json.convertValue(json.readTree(manifestBytes).get("files"), new TypeReference<>() { });
        } catch (IOException | IllegalArgumentException e) {
            return new Verification(archived, false, 0, List.of("归档清单无法读取：" + e.getMessage()));
        }
        Set<String> expected = new LinkedHashSet<>();
        int checked = 0;
        for (Map<String, Object> file : listed) {
            String path = String.valueOf(file.get("path"));
            expected.add(path);
            Path onDisk = dir.resolve(path).normalize();
            if (!onDisk.startsWith(dir) || !Files.isRegularFile(onDisk)) {
                problems.add("缺少文件 " + path);
                continue;
            }
            checked++;
            if (!DocumentStore.sha256(read(onDisk)).equals(file.get("sha256"))) {
                problems.add("文件 " + path + " 的 SHA-256 与清单不符：文件已被改动");
            }
        }
        expected.add(Archiver.MANIFEST);
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> !expected.contains(path)).sorted()
                    .forEach(path -> problems.add("清单外的文件 " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Verification(archived, problems.isEmpty(), checked, problems);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of checking a package. */
    public record Verification(ArchivePackage archive, boolean intact, int filesChecked, List<String> problems) {
    }
}
