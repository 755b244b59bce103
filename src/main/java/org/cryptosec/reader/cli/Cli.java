package org.cryptosec.reader.cli;

import java.io.PrintWriter;
import org.cryptosec.reader.service.LibraryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cryptosec [--data-dir DIR] COMMAND}. Exit codes: 0 fine, 1 failure (one line on stderr,
 * details in the log), 2 bad usage, 3 refresh where some feeds failed.
 */
@Command(name = "cryptosec", mixinStandardHelpOptions = true, version = "Cryptosec Reader 0.1.0",
        description = "Crypto-security news reader: subscribe, fetch, search and read offline.",
        subcommands = {FeedsCommand.class, RefreshCommand.class, SearchCommand.class, ShowCommand.class,
                AuthorsCommand.class, AuthorCommand.class, ImportOpmlCommand.class, ExportOpmlCommand.class,
                ReindexCommand.class, ReextractCommand.class, DeleteCommand.class, EvalExtractCommand.class, BenchCommand.class,
                RelatedCommand.class, SavedCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_SOME_FEEDS_FAILED = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    @Mixin
    CommonOptions options;

    final CliContext context;

    private Cli(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command");
    }

    /** Runs the command line and returns the exit code. */
    public static int run(CliContext context, String... args) {
        CommandLine cmd = new CommandLine(new Cli(context));
        cmd.setOut(context.out());
        cmd.setErr(context.err());
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof LibraryException || e instanceof IllegalArgumentException) {
                LOG.info("Command failed: {}", e.getMessage(), e);
            } else {
                LOG.error("Command failed", e);
            }
            err.println("error: " + oneLine(e));
            err.flush();
            return EXIT_FAILURE;
        });
        int code = cmd.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** Prints one line on the process's stdout (for reports of the window, such as gui --startup-report). */
    public static void printLine(String line) {
        PrintWriter out = CliContext.console(dir -> null, null).out();
        out.println(line);
        out.flush();
    }

    /** Prints one error line on the process's stderr (for failures before any command runs). */
    public static void printError(String message) {
        PrintWriter err = CliContext.console(dir -> null, null).err();
        err.println("error: " + message);
        err.flush();
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
