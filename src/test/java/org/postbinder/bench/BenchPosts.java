package org.postbinder.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.postbinder.store.Post;

/**
 * Made-up posts of realistic size and variety for the export benchmark, the same post for the same
 * number on every run: bodies of 200 to 3,000 words (log-uniform, so most are under 1,000, as on
 * real blogs) in paragraphs of 40 to 160 words; 70 % English, 10 % Russian, 5 % Arabic and 5 %
 * Chinese, and 10 % English with one paragraph in one of the others (a quotation); 2 to 5 tags;
 * some link URLs in the text; a caption on a third of the posts; and on {@value #FIGURE_PERCENT} %
 * of them 1 to 3 figures, whose image URLs are {@link #imageUrl} (each figure its own URL, as on
 * the web). One post in 50 is undated. Thread-safe.
 */
final class BenchPosts {

    /** Share of posts with figures, in per cent. */
    static final int FIGURE_PERCENT = 15;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final LocalDateTime FIRST_DAY = LocalDateTime.of(2012, 1, 1, 0, 0);
    private static final String[] SITES = {"harbournotes.example", "islandwire.example", "quayside.example",
            "ferrylog.example", "tidetables.example"};
    private static final String[] AUTHORS = {"Ada Marsh", "Tomas Lind", "Mira Okafor", "Jun Tanaka", "Leila Haddad", null};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(3),
            ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(9)};

    /** A language: its code, its words (or, for Chinese, its two-character words), and how sentences end. */
    private record Script(String language, String[] words, String separator, String stop) {

        String sentence(Random random, int words) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < words; i++) {
                sentence.append(i == 0 ? "" : separator).append(this.words[random.nextInt(this.words.length)]);
            }
            return capitalized(sentence.toString()) + stop;
        }
    }

    private static final Script ENGLISH = new Script("en", ("the harbour ferry morning council island library archive "
            + "winter timetable fishermen market quay storm report readers village school museum bridge railway season "
            + "weather volunteers restoration budget mayor residents festival tide lighthouse boats crew coast pier "
            + "captain cargo engine repairs summer visitors guide history photographs letters newspaper editor printer "
            + "street church garden bakery shop owner family children teachers students exam results plan proposal "
            + "meeting vote decision delay cost estimate contract builder architect design model survey map chart "
            + "north south east west river valley hill road path walk cycle bus station ticket fare price rise fall "
            + "a an of to in on at by for with from after before during between under over about against without "
            + "is was were has had will would could should may might said says told asked wrote found kept opened "
            + "closed moved built made left right new old small large long short early late first last next every")
            .split(" "), " ", ".");
    private static final Script RUSSIAN = new Script("ru", ("библиотека архив читатели город район совет школа музей "
            + "газета зима паром остров рынок порт погода жители праздник мост дорога берег маяк лодка команда "
            + "капитан груз ремонт лето гости история фотографии письма редактор улица церковь сад пекарня семья "
            + "дети учителя решение план стоимость договор карта север юг река долина и в на с по для после до "
            + "был была были сказал открыли закрыли построили новый старый большой малый первый последний").split(" "),
            " ", ".");
    private static final Script ARABIC = new Script("ar", ("المكتبة الأرشيف القراء المدينة المجلس المدرسة المتحف "
            + "الصحيفة الشتاء العبارة الجزيرة السوق الميناء الطقس السكان المهرجان الجسر الطريق الشاطئ المنارة "
            + "القارب الطاقم القبطان الشحنة الصيف الزوار التاريخ الصور الرسائل المحرر الشارع الحديقة العائلة "
            + "الأطفال المعلمون القرار الخطة التكلفة العقد الخريطة في من إلى على مع بعد قبل كان قال فتح جديد قديم "
            + "كبير صغير أول آخر").split(" "), " ", ".");
    private static final Script CHINESE = new Script("zh", ("图书 档案 读者 城市 委员 学校 博物 报纸 冬天 渡轮 岛屿 "
            + "市场 港口 天气 居民 节日 桥梁 道路 海岸 灯塔 船只 船员 船长 货物 维修 夏天 游客 历史 照片 信件 编辑 "
            + "街道 教堂 花园 家庭 孩子 老师 决定 计划 费用 合同 地图 北方 南方 河流 山谷 新的 旧的 第一 最后 我们 "
            + "他们 今年 去年 已经 正在 开始 结束").split(" "), "", "。");

    private BenchPosts() {
    }

    /** Post number {@code n} (from 0). */
    static Post post(int n) {
        Random random = new Random(0x5eed_0000L + n);
        int kind = n % 20;
        Script script = kind < 14 || kind >= 18 ? ENGLISH : kind < 16 ? RUSSIAN : kind == 16 ? ARABIC : CHINESE;
        Script quoted = kind == 18 ? RUSSIAN : kind == 19 ? (n % 40 == 19 ? ARABIC : CHINESE) : null;
        String site = SITES[n % SITES.length];
        String title = script.sentence(random, 5 + random.nextInt(9));
        title = title.substring(0, title.length() - script.stop().length());
        String publishedAt = n % 50 == 49 ? null : date(random);
        String slug = "post-" + n;
        String url = "https://" + site + "/" + (publishedAt == null ? "undated" : publishedAt.substring(0, 7).replace('-', '/'))
                + "/" + slug + "/";
        List<String> paragraphs = paragraphs(random, script, quoted);
        List<String> captions = new ArrayList<>();
        List<Post.Figure> figures = new ArrayList<>();
        if (random.nextInt(100) < FIGURE_PERCENT) {
            for (int f = 0, count = 1 + random.nextInt(3); f < count; f++) {
                String caption = f == 2 ? null : script.sentence(random, 8 + random.nextInt(12));
                if (caption != null) {
                    captions.add(caption);
                }
                // among the text, as an article places its photos: after the second paragraph, then every third
                figures.add(new Post.Figure(imageUrl(n, f), caption, Math.min(paragraphs.size(), 2 + 3 * f)));
            }
        } else if (random.nextInt(2) == 0) {
            captions.add(script.sentence(random, 8 + random.nextInt(12)));
        }
        List<String> tags = new ArrayList<>();
        for (int t = 0, count = 2 + random.nextInt(4); t < count; t++) {
            String tag = script.words()[random.nextInt(script.words().length)].toLowerCase(Locale.ROOT);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String description = script.sentence(random, 15 + random.nextInt(15));
        return new Post(url, url, title, AUTHORS[n % AUTHORS.length], publishedAt, null, siteName(site), script.language(),
                description, figures.isEmpty() ? null : figures.get(0).image(), tags, paragraphs, captions,
                "2026-11-30T02:00:00Z", List.of(), figures, null);
    }

    /** The URL of figure {@code figure} of post {@code n}. */
    static String imageUrl(int n, int figure) {
        return "https://img." + SITES[n % SITES.length] + "/uploads/" + n + "-" + figure + ".jpg";
    }

    private static List<String> paragraphs(Random random, Script script, Script quoted) {
        // 200 × 15^u: log-uniform between 200 and 3,000 words, median about 775
        int words = (int) (200 * Math.pow(15, random.nextDouble()));
        List<String> paragraphs = new ArrayList<>();
        int quotedAt = quoted == null ? -1 : 1;
        while (words > 0) {
            int length = Math.min(words, 40 + random.nextInt(121));
            Script language = paragraphs.size() == quotedAt ? quoted : script;
            paragraphs.add(paragraph(random, language, length));
            words -= length;
        }
        return paragraphs;
    }

    private static String paragraph(Random random, Script script, int words) {
        StringBuilder paragraph = new StringBuilder();
        while (words > 0) {
            int length = Math.min(words, 6 + random.nextInt(18));
            paragraph.append(paragraph.isEmpty() ? "" : script.separator()).append(script.sentence(random, length));
            words -= length;
        }
        if (random.nextInt(6) == 0) {
            // a link as readers copy it into the text
            paragraph.append(script.separator()).append("https://").append(SITES[random.nextInt(SITES.length)])
                    .append("/notes/").append(random.nextInt(100_000)).append("/");
        }
        return paragraph.toString();
    }

    private static String date(Random random) {
        LocalDateTime local = FIRST_DAY.plus(Duration.ofMinutes(random.nextInt(14 * 365 * 24 * 60)));
        return local.atOffset(OFFSETS[random.nextInt(OFFSETS.length)]).format(ISO);
    }

    private static String siteName(String host) {
        String name = host.substring(0, host.indexOf('.'));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
