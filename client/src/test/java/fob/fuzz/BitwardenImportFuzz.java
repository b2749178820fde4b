package fob.fuzz;

class BitwardenImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/bitwarden.json";
    }
}
