package fob.fuzz;

class LinkListImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/plain.txt";
    }
}
