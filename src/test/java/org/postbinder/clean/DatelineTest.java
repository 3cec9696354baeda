package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatelineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '§', value = {
        "WASHINGTON — A Senate committee on Tuesday approved a bill on wildfires.§WASHINGTON§A Senate committee on Tuesday approved a bill on wildfires.",
        "LONDON (Reuters) - The Bank of England held interest rates on Thursday.§LONDON (Reuters)§The Bank of England held interest rates on Thursday.",
        "KYIV, Ukraine — Air raid sirens sounded across the capital overnight.§KYIV, Ukraine§Air raid sirens sounded across the capital overnight.",
        "SAN FRANCISCO, April 10 (AP) -- Tech shares fell sharply in early trading.§SAN FRANCISCO, April 10 (AP)§Tech shares fell sharply in early trading.",
        "Berlin/Hamburg (dpa) – Der Hafen meldet für März einen Rekordumschlag.§Berlin/Hamburg (dpa)§Der Hafen meldet für März einen Rekordumschlag.",
        "Hamburg, 10. April 2025 – Die Elbfähren fahren ab Montag wieder nach Plan.§Hamburg, 10. April 2025§Die Elbfähren fahren ab Montag wieder nach Plan.",
        "МОСКВА, 14 марта. /ТАСС/. Правительство утвердило новые правила для перевозчиков.§МОСКВА, 14 марта. /ТАСС/§Правительство утвердило новые правила для перевозчиков.",
        "НИЖНИЙ НОВГОРОД, 14 мар — «Приволжская лента». С понедельника в городе начнут работать ночные автобусы.§НИЖНИЙ НОВГОРОД, 14 мар — «Приволжская лента»§С понедельника в городе начнут работать ночные автобусы.",
        "МОСКВА, 3 апр — РИА Новости. Синоптики обещают в столице первое тепло.§МОСКВА, 3 апр — РИА Новости§Синоптики обещают в столице первое тепло.",
        "İSTANBUL (AA) - Boğaz'da gemi trafiği sis nedeniyle askıya alındı.§İSTANBUL (AA)§Boğaz'da gemi trafiği sis nedeniyle askıya alındı.",
        "القاهرة (رويترز) - قال البنك المركزي المصري إنه أبقى أسعار الفائدة دون تغيير.§القاهرة (رويترز)§قال البنك المركزي المصري إنه أبقى أسعار الفائدة دون تغيير.",
        "新华社北京4月10日电（记者 王明）国家统计局10日发布数据显示，一季度居民消费价格同比上涨。§新华社北京4月10日电（记者 王明）§国家统计局10日发布数据显示，一季度居民消费价格同比上涨。",
        "PARIS — “We will not give in,” the mayor said on Monday evening.§PARIS§“We will not give in,” the mayor said on Monday evening.",
    })
    void aDatelineIsCutFromTheFirstParagraphAndKept(String paragraph, String dateline, String rest) {
        Dateline.Taken taken = Dateline.takeFrom(List.of(paragraph, "The second paragraph goes on."));

        assertThat(taken.dateline()).contains(dateline);
        assertThat(taken.body()).containsExactly(rest, "The second paragraph goes on.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NATO — the alliance said on Monday that it would send more ships to the Baltic.",
        "BREAKING — The bridge between the two islands has been closed to all traffic.",
        "UPDATE — The council has now published the full list of closed roads.",
        "Hamburg — Das ist die Stadt, in der ich aufgewachsen bin, und ich liebe sie.",
        "By Thursday the quay was shut — nobody could say when it would open again.",
        "The mayor — who took office in May — said the plan would cost $4 million.",
        "NASA, the agency, said on Monday. It would delay the launch until the summer.",
        "LONDON — Rain.",
        "We spent three days in the Lofoten islands and the weather held the whole time.",
    })
    void textThatOnlyLooksLikeADatelineStays(String paragraph) {
        Dateline.Taken taken = Dateline.takeFrom(List.of(paragraph, "More text follows here."));

        assertThat(taken.dateline()).isEmpty();
        assertThat(taken.body()).containsExactly(paragraph, "More text follows here.");
    }

    @Test
    void aDatelineOnALineOfItsOwnIsTakenWhole() {
        Dateline.Taken taken = Dateline.takeFrom(List.of("GENEVA (AFP) —", "Talks resumed on Tuesday after a week's pause."));

        assertThat(taken.dateline()).contains("GENEVA (AFP)");
        assertThat(taken.body()).containsExactly("Talks resumed on Tuesday after a week's pause.");
    }

    @Test
    void aDatelineAloneIsNotTakenFromAOneParagraphBody() {
        assertThat(Dateline.takeFrom(List.of("GENEVA (AFP) —")).dateline()).isEmpty();
    }

    @Test
    void onlyTheFirstParagraphIsLookedAt() {
        List<String> body = List.of("The port reopened on Monday after a week of storms.",
                "ROTTERDAM — The second paragraph is a quotation of another report, not a dateline.");

        assertThat(Dateline.takeFrom(body).body()).isEqualTo(body);
    }
}
