package fob.web.backup;

import fob.backup.BackupCodec;
import fob.local.VaultKeeper;
import fob.local.VaultSession;
import fob.sync.BackupSync;
import fob.sync.ImportCheck;
import fob.sync.RecoveryAccount;
import fob.sync.SecurityApi;
import fob.sync.ServerApi;
import fob.sync.SessionVault;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.web.Async;
import fob.web.js.TabSync;
import fob.web.store.BackupStateStore;
import fob.web.worker.Worker;

/**
 * Cloud backup in the page: the sync core ({@link BackupSync}) and the recovery account's policy
 * ({@link RecoveryAccount}), where every decision is, wired to the browser's fetch, WebAuthn, vault, storage, timers
 * and tabs.
 */
public final class BackupService {
    private final ServerApi api = new ServerApi(new FetchTransport());
    private final SecurityApi security = new SecurityApi(api);
    private final BackupSync sync;
    private final RecoveryAccount account;
    private final ImportCheck importCheck;

    public BackupService(VaultSession session, VaultKeeper store, Worker worker) {
        BrowserCompression compression = new BrowserCompression(worker);
        BrowserScheduler scheduler = new BrowserScheduler();
        BackupCodec codec = new BackupCodec(new WebCryptoBackend(), new WebCryptoEcdh(), compression);
        sync = new BackupSync(api, new SessionVault(session, store), new BackupStateStore(), scheduler,
                System::currentTimeMillis, codec);
        scheduler.attach(sync);
        sync.tellOtherTabsWith(TabSync::announceBackupChange);
        account = new RecoveryAccount(sync, new Passkeys(api), api);
        importCheck = new ImportCheck(sync, compression, api::backupLimit, System::currentTimeMillis);
    }

    public BackupSync sync() {
        return sync;
    }

    /** The recovery account: sign-in, passkeys, devices, and every action that gives the backup new keys. */
    public RecoveryAccount account() {
        return account;
    }

    public ServerApi api() {
        return api;
    }

    public SecurityApi security() {
        return security;
    }

    public void start() {
        sync.start();
    }

    public void vaultChanged() {
        sync.vaultChanged();
    }

    /** A pull whose failure only shows in the status: it runs in the background. */
    public void pullQuietly() {
        Async.run(sync::pull, message -> { });
    }

    public void retryNow() {
        sync.retryNow();
    }

    /** {@link RecoveryAccount#newKeysForAppLock}. */
    public void newKeysForAppLock() throws Exception {
        account.newKeysForAppLock();
    }

    /** Makes version {@code number} of the backup's history the newest. */
    public void restoreVersion(long number) throws Exception {
        sync.restoreVersion(api.version(number));
    }

    /** A vault as a change would leave it, made only when it is needed. */
    public interface VaultAfter {
        Vault get() throws VaultException;
    }

    /** {@link ImportCheck#warning}. */
    public String importWarning(VaultAfter after) {
        return importCheck.warning(after::get);
    }
}
