package fob.fuzz;

class AegisEncryptedImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/aegis_encrypted.json";
    }
}
