package fob.fuzz;

class ProtonImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/proton_authenticator.json";
    }
}
