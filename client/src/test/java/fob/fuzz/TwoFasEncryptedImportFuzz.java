package fob.fuzz;

class TwoFasEncryptedImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/2fas_authenticator_encrypted_v4.2fas";
    }
}
