package org.postbinder.clean;

import java.util.regex.Pattern;

/**
 * The phrases by which a block of text is site furniture rather than article text. Each matches a
 * whole block (after normalization, case ignored) and is written tightly: furniture is a fixed
 * label, or a label followed by a colon or an arrow, so that prose which merely starts with the
 * same words ("Following the vote, ...", "Related talks are planned ...") is kept.
 */
enum FurniturePhrase {

    COMMENT_NOTICE("(your email address will not be published|required fields are marked)\\b.*"),
    COMMENT_PROMPT("(leave|post|add|write) a (reply|response|comment)( to .{1,80})?[.!]?( cancel reply)?"),
    COMMENT_COUNT("(no|\\d+) (comments?|responses?|replies)( so far)?\\.?|(comments|kommentare|responses) \\(\\d+\\)"),
    SHARE_PROMPT("(share|like) this( (post|article|story))?[:!]?|share (on|via) \\p{L}{2,20}|(click|tap) to share .{1,60}"),
    TEASER("(read more|continue reading|read the full (story|article)|read also|also read|see also|related"
            + "( posts| articles| stories| content)?|you might also like|more from [^.!?]{1,60})(\\s*[:»›→…].{0,160})?"),
    FOREIGN_TEASER("(mehr zum thema|lesen sie auch|weiterlesen|читайте также|читайте также по теме|поделиться|اقرأ أيضا|相关推荐|阅读更多)(\\s*[:：»›→].{0,160})?"),
    POSTED_BY("posted by [^.]{1,80} at \\d{1,2}:\\d{2}\\s*(am|pm)?.*"),
    LABELS("(labels?|filed under|tagged( with)?|categories|category|tags?|schlagworte|метки|теги)\\s*:.{0,200}"),
    SUBSCRIBE("subscribe( now| for free| to [^.!?]{1,60})?[.!]?|sign up for [^.!?]{0,60}newsletter[^.]{0,80}[.!]?"),
    AD_LABEL("advertisement|anzeige|реклама|sponsored( content)?|إعلان|广告"),
    ACCOUNT_PROMPT("log in or register to post comments|sign in|sign up|follow|following|\\d+(\\.\\d+)?k? followers"),
    BYLINE_LABEL("(published in|written by)( [^.!?]{1,60})?"),
    READING_TIME("\\d+ min(ute)?s? read.{0,40}"),
    SHARE_BAR("(print|email|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest)"
            + "( ?[|·] ?(print|email|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest))+"),
    /** Consent banners that no markup gave away; they run longer than other furniture. */
    COOKIE_NOTICE("(we|this (web)?site|our (web)?site|this page) uses? cookies\\b.*"
            + "|by (continuing|using|browsing) [^.]{0,60}(site|website)[^.]{0,60}cookies\\b.*"
            + "|(wir verwenden|diese (web)?seite verwendet|unsere (web)?seite verwendet) cookies\\b.*"
            + "|(nous utilisons|ce site utilise) (des )?cookies\\b.*"
            + "|(utilizamos|este sitio (web )?utiliza) cookies\\b.*"
            + "|(мы используем|этот сайт использует|сайт использует) (файлы )?cookie.*"
            + "|bu (web )?sitede? çerez.*|يستخدم (هذا )?الموقع ملفات تعريف الارتباط.*", 500);

    /** Longer blocks are prose even when they start like furniture ("Read more about the treaty in ..."). */
    static final int DEFAULT_MAX_CHARS = 200;

    private final Pattern pattern;
    private final int maxChars;

    FurniturePhrase(String regex) {
        this(regex, DEFAULT_MAX_CHARS);
    }

    FurniturePhrase(String regex, int maxChars) {
        this.pattern = Pattern.compile("(?iu)" + regex);
        this.maxChars = maxChars;
    }

    boolean matches(String block) {
        return block.length() <= maxChars && pattern.matcher(block).matches();
    }
}
