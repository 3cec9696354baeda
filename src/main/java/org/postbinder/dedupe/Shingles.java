package org.postbinder.dedupe;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features of a text for {@link ArticleFingerprint}: the distinct runs of {@value #SIZE}
 * consecutive words, each hashed to 64 bits. Words are runs of letters and digits after NFKC and
 * lower-casing, so quote style, dashes, spacing and ligatures do not count. Scripts written without
 * spaces (Chinese, Japanese kana, Thai, ...) count each character as a word. Pure and thread-safe.
 */
final class Shingles {

    /**
     * Words per shingle. Four keeps a one-word correction to four changed features, while two posts
     * of one site that share common phrases ("according to the", "in the city of") rarely share runs
     * of four words outside real quotations.
     */
    static final int SIZE = 4;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /** The hashes of the text's distinct shingles, in the order first seen; empty for fewer than {@value #SIZE} words. */
    static Set<Long> of(String text) {
        List<String> words = words(text);
        Set<Long> hashes = new LinkedHashSet<>();
        for (int start = 0; start + SIZE <= words.size(); start++) {
            hashes.add(hash(words.subList(start, start + SIZE)));
        }
        return hashes;
    }

    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        folded.codePoints().forEach(codePoint -> {
            if (writtenWithoutSpaces(codePoint)) {
                flush(word, words);
                words.add(Character.toString(codePoint));
            } else if (Character.isLetterOrDigit(codePoint) || isMark(codePoint) && !word.isEmpty()) {
                word.appendCodePoint(codePoint);
            } else {
                flush(word, words);
            }
        });
        flush(word, words);
        return words;
    }

    /** Vowel signs and diacritics (Devanagari, Arabic harakat) belong to the word they sit on. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean writtenWithoutSpaces(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /**
     * FNV-1a over the words (a separator between them, so "ab c" and "a bc" differ), then the
     * MurmurHash3 finalizer: FNV alone leaves its high bits poorly mixed for short inputs, and
     * SimHash needs every bit to be a fair coin.
     */
    private static long hash(List<String> shingle) {
        long hash = FNV_OFFSET;
        for (String word : shingle) {
            for (int i = 0; i < word.length(); i++) {
                hash = (hash ^ word.charAt(i)) * FNV_PRIME;
            }
            hash = (hash ^ ' ') * FNV_PRIME;
        }
        return mix(hash);
    }

    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1e9b34bL;
        h ^= h >>> 33;
        return h;
    }
}
