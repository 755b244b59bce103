package org.cryptosec.reader.ui.authors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.SameThreadTaskExecutor;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.UiFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authors list and an author's profile, without a toolkit, on a real library. */
class AuthorsViewModelTest {

    @TempDir
    Path dataDir;

    private UiFixture site;
    private Library library;
    private AuthorsViewModel model;

    @BeforeEach
    void open() throws Exception {
        site = new UiFixture();
        library = site.openLoaded(dataDir);
        site.close();
        model = new AuthorsViewModel(library, new FxTaskExecutor(new SameThreadTaskExecutor(), Runnable::run));
        model.load();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void listsEveryAuthorWithTheirCountMostArticlesFirst() {
        assertEquals(List.of("Ann Lee:2", "Ben Okafor:1"),
                model.authors().stream().map(a -> a.author().name() + ":" + a.articles()).toList());
        assertEquals("2 authors", model.infoProperty().get());
    }

    @ParameterizedTest
    @CsvSource({"ann, Ann Lee", "OKAF, Ben Okafor", "'  lee ', Ann Lee"})
    void theFilterNarrowsByPartOfTheName(String filter, String expected) {
        model.filterProperty().set(filter);
        assertEquals(List.of(expected), model.authors().stream().map(a -> a.author().name()).toList());
    }

    @Test
    void aFilterThatMatchesNobodyEmptiesTheList() {
        model.filterProperty().set("zzz");
        assertTrue(model.authors().isEmpty());
        assertEquals("No authors", model.infoProperty().get());
    }

    @Test
    void choosingAnAuthorLoadsTheProfileWithAvatarBioLinkAndArticlesNewestFirst() {
        model.choose(model.authors().get(0));
        AuthorProfileViewModel profile = model.profile();
        assertEquals("Ann Lee", profile.authorProperty().get().name());
        assertTrue(profile.authorProperty().get().bio().contains("exchange hacks"));
        assertTrue(profile.authorProperty().get().avatarDataUri().startsWith("data:image/png;base64,"),
                "the avatar comes from the library, not the web");
        assertEquals(2, profile.authorProperty().get().articles());
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE),
                profile.articles().stream().map(ArticleSummary::title).toList());
        assertEquals(1, profile.links().size());
        assertTrue(profile.links().get(0).endsWith("/author/ann-lee/"), profile.links().toString());
        assertNull(profile.errorProperty().get());
    }

    @Test
    void anUnknownAuthorGivesAClearMessageAndNoProfile() {
        model.profile().show("Nobody At All");
        assertNull(model.profile().authorProperty().get());
        assertTrue(model.profile().articles().isEmpty());
        assertEquals("No author Nobody At All in the library.", model.profile().errorProperty().get());
    }

    @ParameterizedTest
    @CsvSource({"https://example.com/a, true", "http://x.org, true", "javascript:alert(1), false",
            "file:///etc/passwd, false", "'https://a b', false"})
    void onlyWebAddressesBecomeLinks(String url, boolean link) {
        assertEquals(link, AuthorProfileViewModel.isWebLink(url));
        assertFalse(AuthorProfileViewModel.isWebLink("ftp://x") && link);
    }
}
