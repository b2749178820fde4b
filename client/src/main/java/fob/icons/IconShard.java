package fob.icons;

import java.nio.charset.StandardCharsets;

/**
 * Which of the icon set's {@value #SHARDS} files holds a slug: FNV-1a (32 bits) of its UTF-8 bytes, modulo
 * {@value #SHARDS}, as the server splits the set. Fetching one shard tells the server only which 64th of the set an
 * account's icon is in, not which service.
 */
public final class IconShard {
    public static final int SHARDS = 64;

    private IconShard() {
    }

    public static int of(String slug) {
        int hash = 0x811c9dc5;
        for (byte b : slug.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash & (SHARDS - 1);
    }

    /** The shard's file, under the page's versioned URL. */
    public static String file(int shard) {
        return "icons/set/" + (shard < 10 ? "0" : "") + shard + ".json";
    }
}
