package org.jiandu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 6962 tree hashes and inclusion proofs over audit row hashes. */
class MerkleTreeTest {

    @Test
    void rootOfTwoLeavesIsTheNodeHashOfTheirLeafHashes() throws Exception {
        String a = sha("a");
        String b = sha("b");
        String expected = hex(node(leaf(a), leaf(b)));
        assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(expected);
        assertThat(MerkleTree.root(List.of(a))).isEqualTo(hex(leaf(a)));
        // three leaves: the left subtree holds the largest power of two below the size (2)
        String c = sha("c");
        assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(hex(node(node(leaf(a), leaf(b)), leaf(c))));
    }

    @Test
    void everyLeafOfEveryTreeSizeHasAProofThatGivesTheRootAndOnlyForItself() throws Exception {
        for (int size = 1; size <= 33; size++) {
            List<String> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(sha("row " + i));
            }
            String root = MerkleTree.root(leaves);
            for (int i = 0; i < size; i++) {
                List<String> path = MerkleTree.inclusionProof(leaves, i);
                assertThat(MerkleTree.rootFromProof(leaves.get(i), i, size, path)).as("size %d leaf %d", size, i)
                        .isEqualTo(root);
                assertThat(MerkleTree.rootFromProof(sha("forged"), i, size, path)).isNotEqualTo(root);
                if (size > 1) {
                    assertThat(MerkleTree.rootFromProof(leaves.get(i), (i + 1) % size, size, path)).isNotEqualTo(root);
                }
            }
        }
    }

    private static String sha(String text) throws Exception {
        return hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] leaf(String hexLeaf) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 0);
        return digest.digest(HexFormat.of().parseHex(hexLeaf));
    }

    private static byte[] node(byte[] left, byte[] right) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
