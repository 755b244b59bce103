package org.cryptosec.reader.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code saved list|add NAME QUERY|remove ID|show ID}. */
@Command(name = "saved", description = "Saved searches: stored queries with unread counts, shown like feeds.",
        subcommands = {SavedCommand.ListSaved.class, SavedCommand.Add.class, SavedCommand.Remove.class,
                SavedCommand.Show.class})
final class SavedCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, add, remove or show");
    }

    static Map<String, Object> savedJson(SavedSearch s, int unread) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("query", s.query());
        m.put("created", Json.iso(s.created()));
        m.put("unread", unread);
        return m;
    }

    @Command(name = "list", description = "List saved searches with their unread counts.")
    static final class ListSaved extends LibraryCommand {
        @Override
        int run(Library library) {
            List<SavedSearch> all = library.savedSearches();
            Map<Long, Integer> unread = library.savedSearchUnreadCounts();
            if (json()) {
                List<Map<String, Object>> out = new ArrayList<>();
                all.forEach(s -> out.add(savedJson(s, unread.getOrDefault(s.id(), 0))));
                printJson(out);
                return 0;
            }
            if (all.isEmpty()) {
                out().println("No saved searches yet. Add one with: cryptosec saved add NAME QUERY");
            }
            for (SavedSearch s : all) {
                out().printf("[%d] %s  (%d unread)%n  %s%n", s.id(), s.name(), unread.getOrDefault(s.id(), 0), s.query());
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Save a search under a name.")
    static final class Add extends LibraryCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "QUERY")
        List<String> query;

        @Override
        int run(Library library) throws LibraryException {
            SavedSearch s = library.saveSearch(name, String.join(" ", query));
            int unread = library.savedSearchUnread(s.id());
            if (json()) {
                printJson(savedJson(s, unread));
            } else {
                out().printf("Saved [%d] %s  (%d unread)%n  %s%n", s.id(), s.name(), unread, s.query());
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Delete a saved search.")
    static final class Remove extends LibraryCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        int run(Library library) throws LibraryException {
            if (!library.deleteSavedSearch(id)) {
                throw new LibraryException("No saved search with id " + id);
            }
            if (json()) {
                printJson(Map.of("removed", id));
            } else {
                out().printf("Removed saved search %d%n", id);
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Run a saved search.")
    static final class Show extends LibraryCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default 20)")
        int limit;

        @Override
        int run(Library library) throws LibraryException {
            SearchCommand.checkLimit(spec, limit, 10_000);
            SavedSearch s = library.savedSearch(id).orElseThrow(() -> new LibraryException("No saved search with id " + id));
            SearchResult r = library.runSavedSearch(id, limit).orElseThrow();
            int unread = library.savedSearchUnread(id);
            if (json()) {
                Map<String, Object> doc = savedJson(s, unread);
                doc.put("result", SearchCommand.toJson(r));
                printJson(doc);
                return 0;
            }
            out().printf("[%d] %s  (%d unread)%n", s.id(), s.name(), unread);
            SearchCommand.print(out(), s.query(), r);
            return 0;
        }
    }
}
