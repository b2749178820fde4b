package fob.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The client's packages as docs/architecture.md ("Packages") draws them: the browser (TeaVM's JSO, the DOM,
 * IndexedDB, WebCrypto, fetch) only in {@code fob.web}; every other package plain Java that the JVM tests reach,
 * each using only the packages below it.
 */
@AnalyzeClasses(packages = "fob", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientLayersTest {
    @ArchTest
    static final ArchRule onlyTheBrowserLayerUsesTheBrowser = noClasses()
            .that().resideOutsideOfPackages("fob.web..", "fob.teavm..")
            .should().dependOnClassesThat().resideInAnyPackage("fob.web..", "org.teavm..")
            .because("fob.teavm holds TeaVM's class-library patches; everything else but fob.web runs on the JVM");

    @ArchTest
    static final ArchRule nothingUsesTheBrowserLayer = noClasses().that().resideOutsideOfPackage("fob.web..")
            .should().dependOnClassesThat().resideInAPackage("fob.web..");

    /**
     * String.split, replaceAll, replaceFirst and matches compile TeaVM's regular expression engine into the page:
     * two such splits were 28 KB of app.js gzipped, an eighth of it (issue 27's profile). fob.codec.TextSplit splits.
     */
    @ArchTest
    static final ArchRule noRegularExpressions = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.regex..")
            .orShould().callMethod(String.class, "split", String.class)
            .orShould().callMethod(String.class, "split", String.class, int.class)
            .orShould().callMethod(String.class, "replaceAll", String.class, String.class)
            .orShould().callMethod(String.class, "replaceFirst", String.class, String.class)
            .orShould().callMethod(String.class, "matches", String.class)
            .because("TeaVM's regex engine is a large part of the page's script");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("fob.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachPackageUsesOnlyThoseBelowIt = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("text").definedBy("fob.text..")
            .layer("crypto").definedBy("fob.crypto..")
            .layer("json").definedBy("fob.json..")
            .layer("codec").definedBy("fob.codec..")
            .layer("otp").definedBy("fob.otp..")
            .layer("kdf").definedBy("fob.kdf..")
            .layer("menu").definedBy("fob.menu..")
            .layer("teavm").definedBy("fob.teavm..")
            .layer("qr").definedBy("fob.qr..")
            .layer("link").definedBy("fob.link..")
            .layer("vault").definedBy("fob.vault..")
            .layer("icons").definedBy("fob.icons..")
            .layer("lock").definedBy("fob.lock..")
            .layer("device").definedBy("fob.device..")
            .layer("backup").definedBy("fob.backup..")
            .layer("imports").definedBy("fob.imports..")
            .layer("local").definedBy("fob.local..")
            .layer("sync").definedBy("fob.sync..")
            .layer("worker").definedBy("fob.worker..")
            .layer("screen").definedBy("fob.screen..")
            .layer("web").definedBy("fob.web..")
            .whereLayer("text").mayNotAccessAnyLayer()
            .whereLayer("crypto").mayNotAccessAnyLayer()
            .whereLayer("json").mayOnlyAccessLayers("text")
            .whereLayer("codec").mayOnlyAccessLayers("text")
            .whereLayer("otp").mayOnlyAccessLayers("text", "codec")
            .whereLayer("kdf").mayNotAccessAnyLayer()
            .whereLayer("menu").mayNotAccessAnyLayer()
            .whereLayer("teavm").mayNotAccessAnyLayer()
            .whereLayer("qr").mayOnlyAccessLayers("text", "teavm")
            .whereLayer("link").mayOnlyAccessLayers("text", "codec", "otp")
            .whereLayer("vault").mayOnlyAccessLayers("text", "json", "codec", "otp", "link")
            .whereLayer("icons").mayOnlyAccessLayers("vault")
            .whereLayer("lock").mayOnlyAccessLayers("text", "crypto", "json", "codec")
            .whereLayer("device").mayOnlyAccessLayers("text", "json", "lock")
            .whereLayer("backup").mayOnlyAccessLayers("text", "crypto", "json", "codec", "otp", "vault")
            .whereLayer("imports").mayOnlyAccessLayers("text", "crypto", "json", "codec", "otp", "kdf", "link",
                    "vault", "backup")
            .whereLayer("local").mayOnlyAccessLayers("text", "crypto", "vault", "lock")
            .whereLayer("sync").mayOnlyAccessLayers("text", "crypto", "json", "codec", "otp", "vault", "backup",
                    "local")
            .whereLayer("worker").mayOnlyAccessLayers("text", "crypto", "json", "kdf", "qr", "backup", "imports")
            .whereLayer("screen").mayOnlyAccessLayers("text", "json", "codec", "otp", "link", "vault", "lock",
                    "device", "backup", "imports")
            .whereLayer("web").mayOnlyAccessLayers("text", "crypto", "json", "codec", "otp", "kdf", "menu", "qr",
                    "link", "vault", "icons", "lock", "device", "backup", "imports", "local", "sync", "worker", "screen");
}
