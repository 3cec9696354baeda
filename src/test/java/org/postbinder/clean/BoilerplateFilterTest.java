package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {

    private final BoilerplateFilter filter = new BoilerplateFilter();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/fixtures/clean/furniture-phrases.csv")
    void eachFurniturePhraseDropsWhatItIsNamedFor(FurniturePhrase rule, String furniture) {
        assertThat(rule.matches(furniture)).as("%s matches", rule).isTrue();
        assertThat(filter.filter(List.of("A real paragraph.", furniture), List.of())).containsExactly("A real paragraph.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Read more about the treaty in our explainer, which sets out what each side gave up, what it gained, "
                    + "why the talks took eleven rounds and why the final text still leaves the question of property open.",
            "Share prices fell by 3 percent on the news.",
            "Browsers now block third-party cookies by default, and publishers that relied on them are scrambling.",
            "We use cookie cutters shaped like the harbour's lighthouse for the school fair.",
            "Labels matter, the minister said, but deeds matter more.",
            "Following the vote, the mayor resigned.",
            "Related talks are planned for May.",
            "Like this, the project grew from two volunteers to forty.",
            "Written by hand, the letter took three weeks to arrive.",
            "See also how the ferry company answered the petition in February.",
            "Subscribe, the editor wrote, and you will hear from us once a week.",
            "Published in 1964, the report was forgotten for decades.",
            "Follow the river north and you reach the old mill.",
            "Advertisement revenue fell by a third."})
    void keepsProseThatMerelyStartsLikeFurniture(String prose) {
        assertThat(filter.filter(List.of(prose), List.of())).containsExactly(prose);
    }

    @Test
    void dropsALoneCategoryLabelShownOnThePage() {
        // given: the sample post's lone "Blog" label above the title
        List<String> body = List.of("Blog", "Istanbul: The U.S. and Russian delegations arrived.");

        // when / then
        assertThat(filter.filter(body, List.of("Blog", "World"))).containsExactly("Istanbul: The U.S. and Russian delegations arrived.");
    }
}
