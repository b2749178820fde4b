package fob.fuzz;

class AndOtpImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/andotp_plain.json";
    }
}
