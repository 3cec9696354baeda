package org.postbinder.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BylineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            By Jane Doe                                          ; Jane Doe
            By Jane Doe, Transport Correspondent                 ; Jane Doe
            BY JANE DOE | The Harbour Wire                       ; JANE DOE
            By Ludwig van der Berg and Ana María Costa           ; Ludwig van der Berg and Ana María Costa
            Von Anna Schmidt · Hamburger Hafenblatt              ; Anna Schmidt
            Par Élodie Martin, envoyée spéciale à Brest          ; Élodie Martin
            Автор: Анна Соколова                                 ; Анна Соколова
            """)
    void aParagraphThatOnlyNamesTheWriterIsAByline(String paragraph, String names) {
        assertThat(Byline.author(paragraph.strip())).contains(names.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "By Thursday the quay was shut.",
        "By the time the ferry left, the gulls had gone.",
        "By Monday",
        "By 2030 the harbour will have a second pier",
        "Byron Bay is a long way from here",
        "By Jane Doe, who has covered the harbour for twenty years and knows every one of its skippers by name and boat."
    })
    void proseThatStartsLikeABylineIsNot(String paragraph) {
        assertThat(Byline.author(paragraph)).isEmpty();
    }

    @Test
    void bylinesAreTakenOnlyWhereTheySitAndTheFirstNamesTheAuthor() {
        List<String> body = List.of("By Jane Doe, Transport Correspondent", "The ferry company cut two sailings.",
                "By Sam Rider", "Passengers were angry.", "By Jane Doe and Sam Rider");

        Byline.Taken taken = Byline.takeFrom(body);

        assertThat(taken.body()).containsExactly("The ferry company cut two sailings.", "By Sam Rider", "Passengers were angry.");
        assertThat(taken.author()).contains("Jane Doe");
        assertThat(taken.bylines()).containsExactly("By Jane Doe, Transport Correspondent", "By Jane Doe and Sam Rider");
    }

    @Test
    void aPostThatIsOnlyABylineKeepsIt() {
        assertThat(Byline.takeFrom(List.of("By Jane Doe")).body()).containsExactly("By Jane Doe");
    }
}
