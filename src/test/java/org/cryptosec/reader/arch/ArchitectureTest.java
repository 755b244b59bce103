package org.cryptosec.reader.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's package rules, held by the build. */
@AnalyzeClasses(packages = "org.cryptosec.reader", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.cryptosec.reader";

    @ArchTest
    static final ArchRule layersDependOnlyOnWhatDesignAllows = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model").definedBy(ROOT + ".model..")
            .layer("net").definedBy(ROOT + ".net..")
            .layer("feed").definedBy(ROOT + ".feed..")
            .layer("extract").definedBy(ROOT + ".extract..")
            .layer("store").definedBy(ROOT + ".store..")
            .layer("search").definedBy(ROOT + ".search..")
            .layer("task").definedBy(ROOT + ".task..")
            .layer("service").definedBy(ROOT + ".service..")
            .layer("ui").definedBy(ROOT + ".ui..")
            .layer("cli").definedBy(ROOT + ".cli..")
            .layer("eval").definedBy(ROOT + ".eval..")
            .layer("app").definedBy(ROOT + ".app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("task").mayOnlyBeAccessedByLayers("service", "ui", "cli", "app")
            .whereLayer("feed").mayOnlyBeAccessedByLayers("service", "app")
            .whereLayer("extract").mayOnlyBeAccessedByLayers("service", "eval", "app")
            .whereLayer("eval").mayOnlyBeAccessedByLayers("cli", "app")
            .whereLayer("store").mayOnlyBeAccessedByLayers("service", "app")
            .whereLayer("search").mayOnlyBeAccessedByLayers("service", "app")
            .whereLayer("net").mayOnlyBeAccessedByLayers("feed", "service", "app");

    @ArchTest
    static final ArchRule modelDependsOnTheJdkOnly = noClasses().that().resideInAPackage(ROOT + ".model..")
            .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".model..", "java..");

    @ArchTest
    static final ArchRule taskDependsOnTheJdkOnly = noClasses().that().resideInAPackage(ROOT + ".task..")
            .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".task..", "java..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule javaFxOnlyInUiAndApp = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".ui..", ROOT + ".app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule romeOnlyInFeed = onlyIn("com.rometools..", ROOT + ".feed..");

    @ArchTest
    static final ArchRule jsoupOnlyInExtract = onlyIn("org.jsoup..", ROOT + ".extract..");

    @ArchTest
    static final ArchRule jdbcOnlyInStore = noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule luceneOnlyInSearch = onlyIn("org.apache.lucene..", ROOT + ".search..");

    @ArchTest
    static final ArchRule httpClientOnlyInNet = onlyIn("java.net.http..", ROOT + ".net..");

    @ArchTest
    static final ArchRule picocliOnlyInCli = onlyIn("picocli..", ROOT + ".cli..");

    /**
     * Jackson reads JSON Feed (feed), JSON-LD and benchmark ground truth (extract), the article corpora of the
     * search benchmark (service.bench), and writes the CLI's --json (cli): ADR 0003.
     */
    @ArchTest
    static final ArchRule jacksonOnlyWhereJsonIsReadOrWritten = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".feed..", ROOT + ".extract..", ROOT + ".cli..", ROOT + ".service.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule viewModelsTouchNoSceneNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule noSystemOutOutsideCli = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    @ArchTest
    static final ArchRule threadsOnlyThroughTaskUiAndApp = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".task..", ROOT + ".ui..", ROOT + ".app..")
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadPoolExecutor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool");

    private static ArchRule onlyIn(String library, String ownerPackage) {
        return noClasses().that().resideOutsideOfPackage(ownerPackage)
                .should().dependOnClassesThat().resideInAnyPackage(library)
                .because(library + " belongs to " + ownerPackage + " (DESIGN.md)");
    }
}
