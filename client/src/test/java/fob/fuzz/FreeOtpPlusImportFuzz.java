package fob.fuzz;

class FreeOtpPlusImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/freeotp_plus.json";
    }
}
