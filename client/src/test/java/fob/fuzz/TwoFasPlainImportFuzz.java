package fob.fuzz;

class TwoFasPlainImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/2fas_authenticator_plain_v4.2fas";
    }
}
