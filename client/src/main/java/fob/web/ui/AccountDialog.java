package fob.web.ui;

import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.link.OtpAuthLink;
import fob.local.VaultSession;
import fob.screen.AccountDialogMode;
import fob.screen.AddFromLink;
import fob.screen.IconChoice;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.AccountEdits;
import fob.vault.AccountForm;
import fob.vault.AccountIcon;
import fob.vault.AccountKind;
import fob.vault.Group;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.Files;
import fob.web.js.IconGraphics;
import fob.web.js.Promises;
import fob.web.worker.Worker;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * "Add account" (from a link, a QR code or by hand) and "Edit account": one form, checked field by field in
 * the core ({@link AccountForm}), with each problem shown next to its field.
 */
public final class AccountDialog {
    private final HTMLElement dialog = Dom.byId("account-dialog");
    private final HTMLInputElement work = Dom.byId("field-work");
    private final VaultSession session;
    private final AccountListView list;
    private final QrScanner scanner;
    /** The account being edited, or null when adding. */
    private Account editing;
    /** The placeholder whose setup is being finished, or null. */
    private Account finishing;
    /** The icon the form will save. */
    private AccountIcon icon = AccountIcon.AUTOMATIC;
    private final IconPicker picker;

    public AccountDialog(VaultSession session, AccountListView list, Worker worker) {
        this.session = session;
        this.list = list;
        this.scanner = new QrScanner(dialog, "qr", worker, this::addFromQrText);
        Dom.onClick(Dom.byId("add-from-link"), this::addFromLinkField);
        Dom.byId("field-link").addEventListener("keydown", (EventListener<KeyboardEvent>) event -> {
            if ("Enter".equals(event.getKey())) {
                event.preventDefault();
                addFromLinkField();
            }
        });
        Dom.byId("account-form").addEventListener("submit", (EventListener<Event>) event -> {
            event.preventDefault();
            save();
        });
        Dom.onClick(Dom.byId("cancel-account"), this::close);
        dialog.addEventListener("close", (EventListener<Event>) event -> scanner.stop());
        Dom.byId("field-type").addEventListener("change", (EventListener<Event>) event -> showFieldsForType());
        picker = new IconPicker(list.icons());
        Dom.onClick(Dom.byId("icon-choose"), () -> picker.open(Dom.value("field-issuer"), (slug, title) -> {
            try {
                setIcon(AccountIcon.fromSet(slug), title);
            } catch (VaultException e) {
                showIconProblem(e.getMessage());
            }
        }));
        Dom.onClick(Dom.byId("icon-letter"), () -> setIcon(AccountIcon.LETTER, ""));
        Dom.onClick(Dom.byId("icon-automatic"), () -> setIcon(AccountIcon.AUTOMATIC, ""));
        HTMLInputElement file = Dom.byId("icon-file");
        file.addEventListener("change", (EventListener<Event>) event -> {
            JSObject chosen = Files.chosen(file);
            if (chosen == null) {
                return;
            }
            Async.run(() -> {
                byte[] png;
                try {
                    png = Promises.await(IconGraphics.redraw(chosen, ICON_SIDE)).copyToJavaArray();
                } catch (fob.web.js.JsFailure e) {
                    throw new VaultException(Text.t("Fob cannot read this file as an image ({0})", e.getMessage()));
                }
                setIcon(AccountIcon.image(png), "");
                file.setValue("");
            }, this::showIconProblem);
        });
    }

    /** Own images are drawn anew at this size: sharp at 2.5rem on a screen of twice the density. */
    static final int ICON_SIDE = 96;

    private void setIcon(AccountIcon chosen, String title) {
        icon = chosen;
        showIconProblem(null);
        Dom.byId("icon-state").setTextContent(IconChoice.describe(chosen, title));
    }

    private void showIconProblem(String message) {
        HTMLElement error = Dom.byId("icon-error");
        error.setTextContent(message == null ? "" : message);
        Dom.show(error, message != null);
    }

    /** {@code groupShown}: the group the list shows (the new account goes in it), or null. */
    public void openForAdding(String groupShown) {
        editing = null;
        finishing = null;
        fill(new AccountForm());
        setIcon(AccountIcon.AUTOMATIC, "");
        showGroups(groupShown == null ? java.util.Collections.emptyList()
                : java.util.Collections.singletonList(groupShown));
        work.setChecked(false);
        open(AccountDialogMode.ADDING);
    }

    public void openForEditing(Account account) {
        editing = account;
        finishing = null;
        fill(AccountForm.of(account));
        setIcon(account.icon(), "");
        showGroups(account.groups());
        work.setChecked(account.kind() == AccountKind.WORK_OR_SCHOOL);
        open(AccountDialogMode.EDITING);
    }

    /** A work or school account restored without its secret: scanning its QR code (or its link) again. */
    public void openForFinishing(Account placeholder) {
        editing = null;
        finishing = placeholder;
        work.setChecked(true);
        open(AccountDialogMode.FINISHING);
    }

    private void open(AccountDialogMode mode) {
        Dom.byId("account-dialog-title").setTextContent(mode.title());
        Dom.show(Dom.byId("from-link"), mode.takesLinks());
        Dom.show(Dom.byId("from-qr"), mode.takesLinks());
        for (String id : new String[] {"manual", "field-groups", "field-icon", "save-account"}) {
            Dom.show(Dom.byId(id), mode.showsDetails());
        }
        Dom.byId("manual-title").setTextContent(mode.detailsTitle());
        Dom.setValue("field-link", "");
        clearProblems();
        scanner.reset();
        Browser.showModal(dialog);
        Dom.byId(mode.takesLinks() ? "field-link" : "field-issuer").focus();
    }

    private void close() {
        scanner.stop();
        Browser.closeDialog(dialog);
    }

    private void addFromLinkField() {
        String problem = addFromText(Dom.value("field-link"), message -> showProblem("field-link", message));
        if (problem != null) {
            showProblem("field-link", problem);
        }
    }

    private String addFromQrText(String text, Async.ErrorSink laterProblems) {
        String problem = AddFromLink.qrProblem(text);
        return problem != null ? problem : addFromText(text, laterProblems);
    }

    /**
     * Adds the accounts in a link or a Google export link, or finishes the setup of the placeholder. Returns what is
     * wrong with the text at once, or null and reports a failure to store the accounts to {@code laterProblems}.
     */
    private String addFromText(String text, Async.ErrorSink laterProblems) {
        clearProblems();
        List<ImportEntry> entries;
        OtpAuthLink link;
        try {
            entries = AddFromLink.entries(text);
            link = finishing == null ? null : AddFromLink.forPlaceholder(entries, finishing);
        } catch (ImportException e) {
            return e.getMessage();
        }
        if (finishing != null) {
            Account placeholder = finishing;
            Async.run(() -> {
                session.change(vault -> AccountEdits.finishSetup(vault, placeholder.id(), link,
                        System.currentTimeMillis()).vault());
                close();
                Toast.show(Text.t("{0} works again.", Vault.describe(placeholder)));
            }, laterProblems);
            return null;
        }
        AccountKind kind = work.isChecked() ? AccountKind.WORK_OR_SCHOOL : AccountKind.STANDARD;
        List<String> groups = checkedGroups();
        AccountIcon chosenIcon = icon;
        Async.run(() -> {
            AddFromLink.Added[] added = new AddFromLink.Added[1];
            session.change(vault -> (added[0] = AddFromLink.add(vault, entries, kind, groups, chosenIcon,
                    System.currentTimeMillis())).vault());
            close();
            Toast.show(added[0].summary());
            list.reveal(added[0].firstId());
        }, laterProblems);
        return null;
    }

    private void save() {
        clearProblems();
        AccountForm form = read();
        AccountForm.Result result = form.check();
        if (!result.ok()) {
            for (Map.Entry<AccountForm.Field, String> problem : result.problems().entrySet()) {
                showProblem(fieldId(problem.getKey()), problem.getValue());
            }
            focusFirstProblem(result);
            return;
        }
        AccountEdits.Details details = AccountEdits.Details.of(form, result, checkedGroups(), icon);
        Account edited = editing;
        Async.run(() -> {
            AccountEdits.Edit[] saved = new AccountEdits.Edit[1];
            session.change(vault -> (saved[0] = edited == null
                    ? AccountEdits.add(vault, details, System.currentTimeMillis())
                    : AccountEdits.edit(vault, edited.id(), details, System.currentTimeMillis())).vault());
            close();
            if (edited == null) {
                Toast.show(Text.t("Added {0}.", Vault.describe(saved[0].account())));
                list.reveal(saved[0].accountId());
            } else {
                Toast.show(Text.t("Saved."));
            }
        }, message -> {
            HTMLElement error = Dom.byId("form-error");
            error.setTextContent(message);
            Dom.show(error, true);
        });
    }

    /** One checkbox per group, named by the group, checked for {@code checked}. */
    private void showGroups(List<String> checked) {
        HTMLElement box = Dom.byId("field-groups-list");
        box.clear();
        List<Group> groups = session.vault().groups();
        for (Group group : groups) {
            HTMLElement label = Dom.element("label", null);
            HTMLInputElement input = (HTMLInputElement) Dom.element("input", null);
            input.setType("checkbox");
            input.setValue(group.id());
            input.setChecked(checked.contains(group.id()));
            label.appendChild(input);
            label.appendChild(Dom.document().createTextNode(" " + group.name()));
            box.appendChild(label);
        }
        Dom.show(Dom.byId("field-groups-none"), groups.isEmpty());
    }

    private static List<String> checkedGroups() {
        List<String> ids = new java.util.ArrayList<>();
        for (HTMLElement element : Dom.all("#field-groups-list input:checked")) {
            ids.add(((HTMLInputElement) element).getValue());
        }
        return ids;
    }

    private AccountForm read() {
        AccountForm form = new AccountForm();
        for (AccountForm.Field field : AccountForm.Field.values()) {
            form.set(field, Dom.value(fieldId(field)));
        }
        form.workOrSchool = work.isChecked();
        return form;
    }

    private void fill(AccountForm form) {
        for (AccountForm.Field field : AccountForm.Field.values()) {
            Dom.setValue(fieldId(field), form.get(field));
        }
        showFieldsForType();
    }

    /** Shows Digits, Period and Counter only for the types that use them. */
    private void showFieldsForType() {
        String type = Dom.value("field-type");
        for (HTMLElement element : Dom.all("#manual [data-for-types]")) {
            Dom.show(element, (" " + element.getAttribute("data-for-types") + " ").contains(" " + type + " "));
        }
    }

    /** The form's input for a field: index.html names each "field-" and the field's name. */
    private static String fieldId(AccountForm.Field field) {
        return "field-" + field.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void focusFirstProblem(AccountForm.Result result) {
        for (AccountForm.Field field : result.problems().keySet()) {
            Dom.byId(fieldId(field)).focus();
            return;
        }
    }

    private static void showProblem(String inputId, String message) {
        HTMLElement error = Dom.byId(inputId + "-error");
        error.setTextContent(message);
        Dom.show(error, true);
        Dom.byId(inputId).setAttribute("aria-invalid", "true");
    }

    private static void clearProblems() {
        for (HTMLElement error : Dom.all("#account-dialog .field-error")) {
            error.setTextContent("");
            Dom.show(error, false);
        }
        for (HTMLElement input : Dom.all("#account-dialog [aria-invalid]")) {
            input.removeAttribute("aria-invalid");
        }
    }
}
