/* cf-assessment-answer.c: one answer in a carer's assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each answer is its own synced record rather than a column of the assessment, so a council
 * template can add questions without a migration, and so two people answering different
 * questions of one assessment offline never conflict (DESIGN.md, "Versions and merge"). The
 * id is derived from the assessment and the question: the same answer typed on two devices is
 * the same record, and a real conflict is seen as one.
 */

#include "config.h"

#include "cf-assessment-answer.h"
#include "cf-record-private.h"

struct _CfAssessmentAnswer
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfAssessmentAnswer, cf_assessment_answer, CF_TYPE_RECORD)

static const CfField answer_fields[] = {
  { "assessment_id", CF_FIELD_TEXT },
  { "question", CF_FIELD_TEXT },
  { "value", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_assessment_answer_class_init (CfAssessmentAnswerClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "assessment_answer", answer_fields);
}

static void
cf_assessment_answer_init (CfAssessmentAnswer *self)
{
}

/**
 * cf_assessment_answer_id_for:
 *
 * A UUID-shaped id made from the assessment's id and the question's key (a name-based UUID
 * over SHA-256, RFC 9562 version 8), the same on every device.
 */
char *
cf_assessment_answer_id_for (const char *assessment_id,
                             const char *question)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_return_val_if_fail (assessment_id != NULL, NULL);
  g_return_val_if_fail (question != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) assessment_id, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) question, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

CfAssessmentAnswer *
cf_assessment_answer_new (const char *assessment_id,
                          const char *question)
{
  g_autofree char *id = NULL;
  CfRecord *record;

  g_return_val_if_fail (assessment_id != NULL, NULL);
  g_return_val_if_fail (question != NULL, NULL);

  id = cf_assessment_answer_id_for (assessment_id, question);
  record = cf_record_new_for_entity (CF_TYPE_ASSESSMENT_ANSWER, id);
  cf_record_set_text (record, "assessment_id", assessment_id);
  cf_record_set_text (record, "question", question);

  return CF_ASSESSMENT_ANSWER (record);
}

const char *
cf_assessment_answer_get_question (CfAssessmentAnswer *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT_ANSWER (self), NULL);

  return cf_record_get_text (CF_RECORD (self), "question");
}

const char *
cf_assessment_answer_get_value (CfAssessmentAnswer *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT_ANSWER (self), NULL);

  return cf_record_get_text (CF_RECORD (self), "value");
}
