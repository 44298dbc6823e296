package org.jiandu.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 (Certificate Transparency, section 2.1) over a batch of audit rows: the leaves
 * are the rows' hashes in sequence order, a leaf hashes as SHA-256(0x00 || leaf) and an inner node as
 * SHA-256(0x01 || left || right), the left subtree holding the largest power of two below the size. An inclusion
 * proof (the audit path) lets anyone holding a batch's root check that one row is in it, seeing no other row.
 */
final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {
    }

    /** MTH(D[n]) of the given leaves (hex row hashes), as hex. */
    static String root(List<String> leaves) {
        if (leaves.isEmpty()) {
            return HEX.formatHex(sha256(new byte[0]));
        }
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (String leaf : leaves) {
            level.add(leafHash(HEX.parseHex(leaf)));
        }
        return HEX.formatHex(rootOf(level, 0, level.size()));
    }

    /** PATH(m, D[n]): the audit path of leaf {@code index}, bottom up, as hex. */
    static List<String> inclusionProof(List<String> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " outside a tree of " + leaves.size());
        }
        List<byte[]> hashed = new ArrayList<>(leaves.size());
        for (String leaf : leaves) {
            hashed.add(leafHash(HEX.parseHex(leaf)));
        }
        List<String> path = new ArrayList<>();
        path(hashed, index, 0, hashed.size(), path);
        return path;
    }

    /** Recomputes the root from a leaf, its index, the tree size and its audit path (RFC 9162, 2.1.3.2). */
    static String rootFromProof(String leaf, long index, long size, List<String> path) {
        if (index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash(HEX.parseHex(leaf));
        for (String p : path) {
            if (sn == 0) {
                return null;
            }
            byte[] sibling = HEX.parseHex(p);
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sibling, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? HEX.formatHex(r) : null;
    }

    private static byte[] rootOf(List<byte[]> hashed, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashed.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(rootOf(hashed, from, from + k), rootOf(hashed, from + k, to));
    }

    private static void path(List<byte[]> hashed, int m, int from, int to, List<String> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(hashed, m, from, from + k, out);
            out.add(HEX.formatHex(rootOf(hashed, from + k, to)));
        } else {
            path(hashed, m - k, from + k, to, out);
            out.add(HEX.formatHex(rootOf(hashed, from, from + k)));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = digest();
        digest.update((byte) 0);
        return digest.digest(leaf);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = digest();
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    private static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
