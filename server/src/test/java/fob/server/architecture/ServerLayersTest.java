package fob.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's packages as docs/architecture.md ("Packages") draws them: start-up on top, the store's narrow
 * interfaces and the web helpers at the bottom, the SQL behind the interfaces reached only by start-up.
 */
@AnalyzeClasses(packages = "fob.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerLayersTest {
    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("fob.server.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule startUpIsUsedByNoOtherPackage = noClasses().that().resideOutsideOfPackage("fob.server")
            .should().dependOnClassesThat().resideInAPackage("fob.server");

    @ArchTest
    static final ArchRule onlyStartUpReachesTheSql = noClasses()
            .that().resideOutsideOfPackages("fob.server", "fob.server.store.jdbc")
            .should().dependOnClassesThat().resideInAPackage("fob.server.store.jdbc");

    @ArchTest
    static final ArchRule theStoresInterfacesUseNoOtherServerPackage = noClasses()
            .that().resideInAPackage("fob.server.store")
            .should().dependOnClassesThat().resideInAnyPackage("fob.server", "fob.server.account", "fob.server.activity",
                    "fob.server.backup", "fob.server.live", "fob.server.metrics", "fob.server.passkey",
                    "fob.server.session", "fob.server.web", "fob.server.store.jdbc");

    @ArchTest
    static final ArchRule webHelpersUseNoOtherServerPackage = noClasses().that().resideInAPackage("fob.server.web")
            .should().dependOnClassesThat().resideInAnyPackage("fob.server", "fob.server.account",
                    "fob.server.activity", "fob.server.backup", "fob.server.live", "fob.server.metrics",
                    "fob.server.passkey", "fob.server.session", "fob.server.store", "fob.server.store.jdbc");
}
