package fob.fuzz;

class EnteImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/ente_auth.txt";
    }
}
