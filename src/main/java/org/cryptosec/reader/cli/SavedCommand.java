package org.cryptosec.reader.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchSort;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code saved list|add NAME [QUERY] [--filter DIM=VALUE]... [--sort ORDER]|edit ID ...|remove ID|show ID}:
 * a saved search keeps its query, its facet filters and its order, spelled as {@code search} takes them.
 */
@Command(name = "saved", description = "Saved searches: stored queries with their filters and order, unread counts,"
        + " shown like feeds.",
        subcommands = {SavedCommand.ListSaved.class, SavedCommand.Add.class, SavedCommand.Edit.class,
                SavedCommand.Remove.class, SavedCommand.Show.class})
final class SavedCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, add, edit, remove or show");
    }

    static Map<String, Object> savedJson(SavedSearch s, int unread) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("query", s.query());
        m.put("filters", s.filterTexts());
        m.put("sort", SearchOptions.sortName(s.sort()));
        m.put("created", Json.iso(s.created()));
        m.put("unread", unread);
        return m;
    }

    /** Prints the search just saved or changed with its unread count (as JSON with --json); exit code 0. */
    static int report(LibraryCommand command, Library library, SavedSearch s, String prefix) {
        int unread = library.savedSearchUnread(s.id());
        if (command.json()) {
            command.printJson(savedJson(s, unread));
        } else {
            print(command.out(), prefix, s, unread);
        }
        return 0;
    }

    /** "[3] Name  (2 unread)", then the query, then the filters and order when there are any. */
    static void print(PrintWriter out, String prefix, SavedSearch s, int unread) {
        out.printf("%s[%d] %s  (%d unread)%n", prefix, s.id(), s.name(), unread);
        if (!s.query().isBlank()) {
            out.printf("  %s%n", s.query());
        }
        if (!s.filters().isEmpty() || s.sort() != SearchSort.RELEVANCE) {
            StringBuilder line = new StringBuilder(" ");
            for (String f : s.filterTexts()) {
                line.append(" --filter ").append(shellWord(f));
            }
            line.append(" --sort ").append(SearchOptions.sortName(s.sort()));
            out.println(line);
        }
    }

    /**
     * The text as one word for a POSIX shell, so a printed line can be pasted into a command: bare when it has
     * only safe characters, in double quotes when nothing in it is special there (the common "source=Rekt News"),
     * else in single quotes ($ETH, a quote, a backslash).
     */
    static String shellWord(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "._,:=/@+%-".indexOf(c) >= 0))) {
            return text;
        }
        if (text.chars().noneMatch(c -> "\"$`\\!".indexOf(c) >= 0)) {
            return "\"" + text + "\"";
        }
        return "'" + text.replace("'", "'\\''") + "'";
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
                out().println("No saved searches yet. Add one with: cryptosec saved add NAME QUERY [--filter DIM=VALUE]");
            }
            for (SavedSearch s : all) {
                print(out(), "", s, unread.getOrDefault(s.id(), 0));
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Save a search under a name, with its facet filters and order"
            + " (as search takes them).")
    static final class Add extends LibraryCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "QUERY")
        List<String> query = new ArrayList<>();

        @Option(names = "--filter", paramLabel = "DIM=VALUE", description = SearchOptions.FILTER_HELP)
        List<String> filters = new ArrayList<>();

        @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = SearchOptions.SORT_HELP)
        String sort;

        @Override
        int run(Library library) throws LibraryException {
            SearchSort order = SearchOptions.sort(spec, sort);
            List<FacetFilter> parsed = SearchOptions.filters(spec, filters);
            String text = String.join(" ", query);
            SearchOptions.requireQueryOrFilter(spec, text, parsed);
            return report(this, library, library.saveSearch(name, text, parsed, order), "Saved ");
        }
    }

    @Command(name = "edit", description = "Change a saved search: only what is given changes (--filter replaces all"
            + " its filters, --no-filters drops them).")
    static final class Edit extends LibraryCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--name", paramLabel = "NAME", description = "New name")
        String name;

        @Option(names = "--query", paramLabel = "QUERY", description = "New query text (\"\" for none, when there are filters)")
        String query;

        @Option(names = "--filter", paramLabel = "DIM=VALUE", description = SearchOptions.FILTER_HELP)
        List<String> filters = new ArrayList<>();

        @Option(names = "--no-filters", description = "Drop every filter")
        boolean noFilters;

        @Option(names = "--sort", paramLabel = "ORDER", description = SearchOptions.SORT_HELP)
        String sort;

        @Override
        int run(Library library) throws LibraryException {
            if (noFilters && !filters.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--filter and --no-filters exclude each other");
            }
            SearchSort order = sort == null ? null : SearchOptions.sort(spec, sort);
            List<FacetFilter> parsed = SearchOptions.filters(spec, filters);
            SavedSearch old = library.savedSearch(id).orElseThrow(() -> new LibraryException("No saved search with id " + id));
            SavedSearch s = library.updateSavedSearch(id, name == null ? old.name() : name,
                    query == null ? old.query() : query,
                    noFilters ? List.of() : parsed.isEmpty() ? old.filters() : parsed,
                    order == null ? old.sort() : order);
            return report(this, library, s, "Changed ");
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
            return printRemoved("saved search", id);
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
            print(out(), "", s, unread);
            SearchCommand.print(out(), SearchOptions.heading(s.query(), s.filters()), r);
            return 0;
        }
    }
}
