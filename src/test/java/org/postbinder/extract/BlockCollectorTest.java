package org.postbinder.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BlockCollectorTest {

    @Test
    void aListItemOfTextIsOneBlock() {
        ExtractedBlocks blocks = collect("<ul><li>Flour, <b>200 g</b></li><li>Two eggs<ul><li>at room temperature</li></ul></li></ul>");

        assertThat(blocks.paragraphs()).containsExactly("Flour, 200 g", "Two eggs", "at room temperature");
    }

    @Test
    void aListUsedForLayoutGivesTheHeadingsAndParagraphsOfItsItems() {
        // a live blog: each entry is an article in a list item, with a headline and its text
        ExtractedBlocks blocks = collect("""
                <ol class="lx-stream__feed">
                  <li><article><header><time>17:05</time><h3>Evening trains cancelled</h3></header>
                    <div><p>All trains after 18:00 are cancelled.</p></div></article></li>
                  <li><article><p><strong>River level update</strong></p><p>The gauge read 4.82 metres.</p></article></li>
                </ol>""");

        assertThat(blocks.paragraphs()).containsExactly("17:05", "Evening trains cancelled",
                "All trains after 18:00 are cancelled.", "River level update", "The gauge read 4.82 metres.");
    }

    private static ExtractedBlocks collect(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        return BlockCollector.collect(List.of(body), null);
    }
}
