/* test-gui-preferences.c: Preferences, and changing the passphrase from there
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cf-passphrase-dialog.h"
#include "cf-preferences-window.h"
#include "cf-profile.h"
#include "cf-test-gui.h"

#define OLD_PASSPHRASE "preferences old passphrase"
#define NEW_PASSPHRASE "a quite different passphrase"

/* The password entry in the row titled @title. */
static GtkWidget *
entry (CfPassphraseDialog *dialog,
       const char         *title)
{
  GtkWidget *row = cf_test_find_row (GTK_WIDGET (dialog), title);
  GtkWidget *found = NULL;

  g_assert_nonnull (row);
  for (GtkWidget *w = row; w != NULL && found == NULL; )
    {
      if (GTK_IS_PASSWORD_ENTRY (w))
        found = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (found);

  return found;
}

static CfPassphraseDialog *
open_dialog (GtkWidget *preferences)
{
  GtkWidget *change = cf_test_find_button (preferences, "Change…");
  GListModel *toplevels;

  g_assert_nonnull (change);
  g_signal_emit_by_name (change, "clicked");
  cf_test_spin (100);

  /* The one showing now: an earlier dialog may still be on its way out. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (CF_IS_PASSPHRASE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CF_PASSPHRASE_DIALOG (window);
    }

  g_error ("the passphrase dialog did not open");
}

static void
fill (CfPassphraseDialog *dialog,
      const char         *current,
      const char         *fresh,
      const char         *again)
{
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "Current Passphrase")), current);
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "New Passphrase")), fresh);
  gtk_editable_set_text (GTK_EDITABLE (entry (dialog, "New Passphrase Again")), again);
  cf_test_spin (20);
}

/* As a person does: the dialog's own button, which also closes it. */
static void
click_change (CfPassphraseDialog *dialog)
{
  GtkWidget *button = cf_test_find_button (GTK_WIDGET (dialog), "C_hange Passphrase");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
unlocks_with (const char *dir,
              const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_profile_unlock (dir, passphrase, NULL, &error);

  return store != NULL;
}

static void
test_change_passphrase (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "prefs-profile", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_profile_create (dir, OLD_PASSPHRASE, NULL, NULL, &error);
  g_autoptr(CfContext) context = cf_context_new (NULL, NULL);
  CfPreferencesWindow *preferences;
  CfPassphraseDialog *dialog;
  AdwMessageDialog *message;

  g_assert_no_error (error);
  g_assert_true (cf_store_close (store, &error));

  preferences = cf_preferences_window_new (context, dir);
  gtk_window_present (GTK_WINDOW (preferences));
  cf_test_spin (50);

  dialog = open_dialog (GTK_WIDGET (preferences));
  message = ADW_MESSAGE_DIALOG (dialog);
  /* Ready to type the current passphrase. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         entry (dialog, "Current Passphrase")) ||
                 gtk_window_get_focus (GTK_WINDOW (dialog)) == entry (dialog, "Current Passphrase"));

  /* Too short, then typed differently twice: said in words, and the button stays off. */
  fill (dialog, OLD_PASSPHRASE, "short", "short");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "change"));
  gtk_test_accessible_assert_state (entry (dialog, "New Passphrase"),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  fill (dialog, OLD_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE "!");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "change"));
  gtk_test_accessible_assert_state (entry (dialog, "New Passphrase Again"),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* A wrong current passphrase changes nothing. */
  fill (dialog, "not the old passphrase", NEW_PASSPHRASE, NEW_PASSPHRASE);
  g_assert_true (adw_message_dialog_get_response_enabled (message, "change"));
  click_change (dialog);
  cf_test_spin (2000);
  g_assert_true (unlocks_with (dir, OLD_PASSPHRASE));
  g_assert_false (unlocks_with (dir, NEW_PASSPHRASE));

  /* The right one: the new passphrase opens the profile and the old one no longer does. */
  dialog = open_dialog (GTK_WIDGET (preferences));
  fill (dialog, OLD_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE);
  click_change (dialog);
  cf_test_spin (2000);
  g_assert_true (unlocks_with (dir, NEW_PASSPHRASE));
  g_assert_false (unlocks_with (dir, OLD_PASSPHRASE));

  gtk_window_destroy (GTK_WINDOW (preferences));
  cf_test_spin (20);
}

static void
test_role_and_organisation (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "role-profile", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_profile_create (dir, OLD_PASSPHRASE, NULL, NULL, &error);
  g_autoptr(GSettings) settings = cf_context_dup_default_settings ();
  g_autoptr(CfContext) context = cf_context_new (NULL, settings);
  g_autoptr(CfStore) reopened = NULL;
  CfPreferencesWindow *preferences;
  GtkWidget *role;
  GtkWidget *name;

  g_assert_no_error (error);
  g_assert_nonnull (settings);
  cf_context_set_store (context, store);

  preferences = cf_preferences_window_new (context, dir);
  gtk_window_present (GTK_WINDOW (preferences));
  cf_test_spin (50);

  /* The role is kept in the encrypted profile and survives reopening it. */
  role = cf_test_find_row (GTK_WIDGET (preferences), "Your Role");
  g_assert_nonnull (role);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), 1);
  g_assert_cmpstr (cf_store_get_role (store), ==, CF_ROLE_COORDINATOR);
  cf_context_set_store (context, NULL);
  g_assert_true (cf_store_close (store, &error));
  reopened = cf_profile_unlock (dir, OLD_PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_store_get_role (reopened), ==, CF_ROLE_COORDINATOR);

  /* What the written record prints comes from here. */
  name = cf_test_find_row (GTK_WIDGET (preferences), "Organisation Name");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Marshby Carers");
  g_assert_cmpstr (g_settings_get_string (settings, "organisation-name"), ==,
                   "Marshby Carers");

  gtk_window_destroy (GTK_WINDOW (preferences));
  cf_test_spin (20);
}

int
main (int    argc,
      char **argv)
{
  cf_test_gui_init (&argc, &argv);

  g_test_add_func ("/gui/preferences/change-passphrase", test_change_passphrase);
  g_test_add_func ("/gui/preferences/role-and-organisation", test_role_and_organisation);

  return g_test_run ();
}
