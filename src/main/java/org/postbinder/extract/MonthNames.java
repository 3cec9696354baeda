package org.postbinder.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Month names as pages print them, in the languages Postbinder meets most: full names, the usual
 * abbreviations, and the genitive forms that Slavic languages use in dates ("10 апреля 2025").
 * A name is looked up lower-cased and without a trailing dot.
 */
final class MonthNames {

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        add("january february march april may june july august september october november december");
        add("jan feb mar apr may jun jul aug sep oct nov dec");
        add("sept");  // "Sept 3, 2025"
        // German, Dutch, French, Spanish, Italian, Portuguese
        add("januar februar märz april mai juni juli august september oktober november dezember");
        add("jänner feber maerz");
        add("januari februari maart april mei juni juli augustus september oktober november december");
        add("janvier février mars avril mai juin juillet août septembre octobre novembre décembre");
        add("janv févr fevrier aout");
        add("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre");
        add("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre");
        add("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro");
        // Turkish, Polish (genitive), Swedish
        add("ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık");
        add("stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia");
        add("januari februari mars april maj juni juli augusti september oktober november december");
        // Russian and Ukrainian: nominative and genitive
        add("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь");
        add("января февраля марта апреля мая июня июля августа сентября октября ноября декабря");
        add("січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня");
        // Greek genitive, Arabic (the Egyptian and Gulf names)
        add("ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου");
        add("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر");
    }

    private MonthNames() {
    }

    /** The month (1 to 12) a word names, if it names one. */
    static Optional<Integer> of(String word) {
        String key = word.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return Optional.ofNullable(MONTHS.get(key));
    }

    private static void add(String names) {
        String[] months = names.split(" ");
        boolean oneEach = months.length == 12;
        for (int i = 0; i < months.length; i++) {
            // a short list names particular months; find which by their first three letters
            int month = oneEach ? i + 1 : byPrefix(months[i]);
            MONTHS.putIfAbsent(months[i], month);
        }
    }

    private static int byPrefix(String name) {
        return switch (name) {
            case "jan", "janv", "jänner" -> 1;
            case "feb", "févr", "fevrier", "feber" -> 2;
            case "mar", "maerz" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug", "aout" -> 8;
            case "sep", "sept" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new IllegalArgumentException("no month for " + name);
        };
    }
}
