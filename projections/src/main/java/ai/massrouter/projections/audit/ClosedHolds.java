package ai.massrouter.projections.audit;

/**
 * The holds already settled or released, kept as 64-bit fingerprints of (account, hold id) with
 * how each was closed, in one open-addressing table of longs: about 16 bytes a hold instead of a
 * hundred for a map of strings, so that a log of millions of gateway calls fits. Two different
 * holds sharing a fingerprint (odds about n²/2^65) would only make a later break be named as the
 * other kind of hold break.
 */
final class ClosedHolds {

    static final int SETTLED = 1;
    static final int RELEASED = 2;

    private long[] keys = new long[1 << 10];
    private byte[] states = new byte[1 << 10];
    private int size;

    /** Records how the hold was closed. */
    void close(String accountId, String holdId, int state) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        put(fingerprint(accountId, holdId), (byte) state);
    }

    /** How the hold was closed, or 0 when it was not. */
    int stateOf(String accountId, String holdId) {
        long key = fingerprint(accountId, holdId);
        int mask = keys.length - 1;
        for (int i = slot(key, mask); keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return states[i];
            }
        }
        return 0;
    }

    private void put(long key, byte state) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = key;
        states[i] = state;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldStates = states;
        keys = new long[oldKeys.length * 2];
        states = new byte[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldStates[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** FNV-1a over both ids, then a 64-bit finaliser (MurmurHash3's); never 0, the empty slot. */
    static long fingerprint(String accountId, String holdId) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, accountId);
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = mix(h, holdId);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
