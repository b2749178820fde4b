package fob.fuzz;

class AegisPlainImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/aegis_plain.json";
    }
}
