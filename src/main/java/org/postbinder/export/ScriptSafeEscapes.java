package org.postbinder.export;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * JSON that stays inert wherever it is pasted: {@code <}, {@code >}, {@code &} and {@code '} are
 * written as {@code \}{@code u} escapes, so a post's text that reads {@code </script><script>...}
 * cannot close a script element when an archive is embedded in a web page, and the line and
 * paragraph separators (U+2028, U+2029), which end a JavaScript string, are escaped too. Readers get
 * the same text back.
 */
final class ScriptSafeEscapes extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
        for (char c : new char[] {'<', '>', '&', '\''}) {
            ASCII[c] = ESCAPE_STANDARD;
        }
    }

    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case '\u2028' -> LINE_SEPARATOR;
            case '\u2029' -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
