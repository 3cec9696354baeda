package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateFilterTest {

    private final BoilerplateFilter filter = new BoilerplateFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "Your email address will not be published. Required fields are marked *",
            "LEAVE A RESPONSE", "Leave a Reply", "Leave a comment", "3 Comments", "Kommentare (12)",
            "Share this:", "Like this:", "Read more: Why the sleeper cars ran out", "Continue reading →",
            "Posted by Gwen Harper at 10:42 AM", "Labels: frost, potatoes", "Advertisement", "Реклама",
            "Читайте также: Библиотеки открывают архивы", "Mehr zum Thema", "Subscribe to Quiet Tools",
            "Log in or register to post comments"})
    void dropsFurniturePhrases(String furniture) {
        assertThat(filter.filter(List.of("A real paragraph.", furniture), List.of())).containsExactly("A real paragraph.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Read more about the treaty in our explainer, which sets out what each side gave up, what it gained, "
                    + "why the talks took eleven rounds and why the final text still leaves the question of property open.",
            "Share prices fell by 3 percent on the news.",
            "Labels matter, the minister said, but deeds matter more."})
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
