package fob.fuzz;

class SteamImportFuzz extends ImportFuzz {
    @Override
    String fixture() {
        return "aegis-importers/steam.json";
    }
}
