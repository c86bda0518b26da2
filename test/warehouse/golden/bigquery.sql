-- Funnel Math functions as BigQuery SQL UDFs and table functions.
-- Run as one multi-statement query. Optional arguments are passed as NULL (BigQuery UDFs have no defaults).
-- cpqm_report(period) and cpqm_trend(period) read three views you define in the same dataset:
--   funnel_spend(channel, spend, day, source_row, currency) and funnel_meetings(channel, outcome, day, source_row),
--   and the mapping table funnel_mapping(field, value, means, source_row), rows counted in source_row order;
--   source_row NULL where the table has no row order, currency NULL where the spend names none.
-- funnel_report(period, view) reads funnel_spend and funnel_records(channel, created, lead, marketing_qualified_lead, sales_qualified_lead, opportunity, customer, source_row), a date per stage;
-- deals_report(period, view) reads funnel_spend and funnel_deals(channel, amount, created, closed, status, source_row).

-- A result as the sheet gives it: never NaN or ±Infinity.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_finite`(x FLOAT64, fn STRING)
RETURNS FLOAT64
AS (
CASE WHEN x IS NULL OR (NOT (IS_INF(x) OR IS_NAN(x))) THEN x ELSE ERROR((IFNULL(CAST(fn AS STRING), 'blank') || ': the result is too large to show, check the inputs')) END
);

-- Rounds up to a whole unit, except that a whole number plus float noise (at most 16 units in the last place) is that whole number: 21 / 0.35 is 60, not 61.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_ceil_forgiving`(x FLOAT64)
RETURNS FLOAT64
AS (
CASE WHEN x - FLOOR(x) <= ABS(x) * 1.7763568394002505e-15 THEN FLOOR(x) ELSE CEIL(x) END
);

-- The spelling-insensitive key of a label: lower case, words only, filler words dropped ("Not qualified – role" → notqualifiedrole).
CREATE OR REPLACE FUNCTION `funnel_math.funnel_label_key`(label STRING)
RETURNS STRING
AS (
IFNULL((SELECT STRING_AGG(w, '' ORDER BY o) FROM UNNEST(REGEXP_EXTRACT_ALL(LOWER(label), r'[^\s\p{P}\p{S}\x{FE0F}]+')) AS w WITH OFFSET o WHERE w NOT IN ('a', 'an', 'the', 'by', 'due', 'to', 'of', 'for', 'on', 'in', 'at', 'is')), '')
);

-- What a meeting outcome label means: qualified, not_qualified, no_show or pending; NULL for a label that matches none. Accepted: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_outcome`(label STRING)
RETURNS STRING
AS (
CASE `funnel_math.funnel_label_key`(label)
    WHEN 'qualified' THEN 'qualified'
    WHEN 'notqualifiedcompanysize' THEN 'not_qualified'
    WHEN 'notqualifiedrole' THEN 'not_qualified'
    WHEN 'notqualifiedbudget' THEN 'not_qualified'
    WHEN 'noshow' THEN 'no_show'
    WHEN 'rescheduledpending' THEN 'pending'
    WHEN 'notqualified' THEN 'not_qualified'
    WHEN 'rescheduled' THEN 'pending'
  END
);

-- The period of report fn: NULL or '' for none, else one of week, month, quarter, year (any case); anything else is an error.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_period_unit`(period STRING, fn STRING)
RETURNS STRING
AS (
CASE WHEN period IS NULL OR TRIM(period) = '' THEN NULL
    WHEN LOWER(TRIM(period)) IN ('week', 'month', 'quarter', 'year') THEN LOWER(TRIM(period))
    ELSE ERROR((IFNULL(CAST(fn AS STRING), 'blank') || ': period "' || IFNULL(CAST(period AS STRING), 'blank') || '" is not a period; use one of: week, month, quarter, year, or NULL for none')) END
);

-- The first day of the period holding day (ISO weeks start on Monday). In DuckDB a TIMESTAMP: grouping on it is faster than on its DATE.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_period_start`(unit STRING, day DATE)
RETURNS DATE
AS (
CASE unit WHEN 'week' THEN DATE_TRUNC(day, ISOWEEK) WHEN 'month' THEN DATE_TRUNC(day, MONTH) WHEN 'quarter' THEN DATE_TRUNC(day, QUARTER) WHEN 'year' THEN DATE_TRUNC(day, YEAR) END
);

-- The label of the period starting on start: 2026-W02, 2026-01, 2026-Q1, 2026.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_period_label`(unit STRING, start DATE)
RETURNS STRING
AS (
CASE unit WHEN 'week' THEN FORMAT_DATE('%G-W%V', start) WHEN 'month' THEN FORMAT_DATE('%Y-%m', start) WHEN 'quarter' THEN FORMAT_DATE('%Y', start) || '-Q' || CAST(EXTRACT(QUARTER FROM start) AS STRING) WHEN 'year' THEN FORMAT_DATE('%Y', start) END
);

-- A channel as the report shows it: surrounding spaces dropped, runs of spaces made one.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_channel_name`(raw STRING)
RETURNS STRING
AS (
TRIM(REGEXP_REPLACE(raw, r'[\s\x{0B}\x{FEFF}\p{Z}]+', ' '))
);

-- Channels match ignoring case and surrounding or doubled spaces.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_channel_key`(raw STRING)
RETURNS STRING
AS (
LOWER(TRIM(REGEXP_REPLACE(raw, r'[\s\x{0B}\x{FEFF}\p{Z}]+', ' ')))
);

-- Whether a spend row's channel reads like an export's totals row: Total, Total:, Totals, Total: All campaigns, Grand total.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_is_totals`(raw STRING)
RETURNS BOOLEAN
AS (
REGEXP_CONTAINS(TRIM(REGEXP_REPLACE(raw, r'[\s\x{0B}\x{FEFF}\p{Z}]+', ' ')), r'^(?:(?i)^(?:grand )?totals?(?:\s*[:\-–—].*)?$)$')
);

-- The currency money text names, as sheets/number-text.ts currencyOf reads it from an amount funnel_amount reads: a three-letter code before or after it, or a symbol, by its code where it has one ($ USD, € EUR, £ GBP, ₹ INR); NULL for a bare number.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_currency`(amount STRING)
RETURNS STRING
AS (
CASE WHEN SUBSTR(amount, 1, 1) = '$' THEN 'USD'
    WHEN SUBSTR(amount, 1, 1) BETWEEN '0' AND '9' AND SUBSTR(amount, -1) BETWEEN '0' AND '9' THEN NULL
    WHEN SUBSTR(amount, 1, 1) BETWEEN '0' AND '9' AND SUBSTR(amount, -1) IN ('$', '€', '£', '₹') THEN CASE SUBSTR(amount, -1) WHEN '$' THEN 'USD' WHEN '€' THEN 'EUR' WHEN '£' THEN 'GBP' WHEN '₹' THEN 'INR' END
    ELSE NULLIF(COALESCE(CASE REGEXP_REPLACE(amount, r'[0-9.,+-]|[\s\x{0B}\x{FEFF}\p{Z}]', '') WHEN '$' THEN 'USD' WHEN '€' THEN 'EUR' WHEN '£' THEN 'GBP' WHEN '₹' THEN 'INR' END, REGEXP_REPLACE(amount, r'[0-9.,+-]|[\s\x{0B}\x{FEFF}\p{Z}]', '')), '') END
);

-- The amount money text stands for, without its sign; NULL when it stands for none, or for two ("1,204" without a currency).
CREATE OR REPLACE FUNCTION `funnel_math.funnel_amount_value`(amount STRING)
RETURNS FLOAT64
AS (
CASE WHEN NOT ((CASE WHEN LENGTH(amount) <= 48 THEN TRUE ELSE LENGTH(TRIM(REGEXP_REPLACE(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]+|[\s\x{0B}\x{FEFF}\p{Z}]+$', ''))) <= 48 END)
      AND NOT (REGEXP_CONTAINS(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:\p{Sc}|[A-Z]{3})') AND REGEXP_CONTAINS(amount, r'(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*$'))
      AND NOT REGEXP_CONTAINS(amount, r'[+-].*[+-]')) THEN NULL
    WHEN REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}(?:[ \x{A0}\x{202F}]\d{3})+(?:[.,]\d+)?)(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') THEN CAST(CASE WHEN STRPOS(REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.'), '.') > 0 THEN '0' || REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.') || '0' ELSE REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.') END AS FLOAT64)
    WHEN REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}[.,]\d{3})(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') AND NOT (REGEXP_CONTAINS(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:\p{Sc}|[A-Z]{3})') OR REGEXP_CONTAINS(amount, r'(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*$')) THEN NULL
    WHEN REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?:\.\d{3})+)(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') THEN CAST(REGEXP_REPLACE(amount, r'[^0-9]', '') AS FLOAT64)
    WHEN REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+\.\d+)(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') THEN CAST(REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '') AS FLOAT64)
    WHEN REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}(?:\.\d{3})+,\d+)(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') THEN CAST(REPLACE(REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), '.', ''), ',', '.') AS FLOAT64)
    WHEN REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:\d+(?:\.\d*)?|\.\d+|\d+,\d+)(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') THEN CAST(CASE WHEN STRPOS(REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.'), '.') > 0 THEN '0' || REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.') || '0' ELSE REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.') END AS FLOAT64)
  END
);

-- Whether funnel_amount reads the text without a problem (NULL and empty count as readable: they are blank).
CREATE OR REPLACE FUNCTION `funnel_math.funnel_amount_ok`(amount STRING)
RETURNS BOOLEAN
AS (
CASE WHEN amount IS NULL OR amount = '' THEN TRUE
    WHEN LENGTH(amount) <= 48 AND REGEXP_CONTAINS(amount, r'^(?:\$?\d+(?:\.(?:\d{1,2}|\d{4,}))?|\$?(?:0\d*|\d{4,})\.\d{3}|\$[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:,\d{3})+\.\d+|[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?)$') THEN TRUE
    ELSE `funnel_math.funnel_amount_value`(amount) IS NOT NULL END
);

-- Why funnel_amount cannot read money text, as an error that quotes it after what: its two readings, or that it is no number.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_amount_problem`(amount STRING, what STRING)
RETURNS FLOAT64
AS (
CASE WHEN (CASE WHEN LENGTH(amount) <= 48 THEN TRUE ELSE LENGTH(TRIM(REGEXP_REPLACE(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]+|[\s\x{0B}\x{FEFF}\p{Z}]+$', ''))) <= 48 END)
      AND NOT (REGEXP_CONTAINS(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:\p{Sc}|[A-Z]{3})') AND REGEXP_CONTAINS(amount, r'(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*$'))
      AND NOT REGEXP_CONTAINS(amount, r'[+-].*[+-]') AND REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}[.,]\d{3})(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') AND NOT (REGEXP_CONTAINS(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:\p{Sc}|[A-Z]{3})') OR REGEXP_CONTAINS(amount, r'(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*$')) AND STRPOS(amount, ',') > 0 THEN ERROR((IFNULL(CAST(what AS STRING), 'blank') || ' "' || IFNULL(CAST(amount AS STRING), 'blank') || '" could be ' || FORMAT('%.12g', CAST(REGEXP_REPLACE(amount, r'[^0-9]', '') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ' or ' || FORMAT('%.12g', CAST(REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ', the comma may group thousands or mark decimals: enter ' || FORMAT('%.12g', CAST(REGEXP_REPLACE(amount, r'[^0-9]', '') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ' or ' || FORMAT('%.12g', CAST(REPLACE(REGEXP_REPLACE(amount, r'[^0-9.,]', ''), ',', '.') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ' as a plain number'))
    WHEN (CASE WHEN LENGTH(amount) <= 48 THEN TRUE ELSE LENGTH(TRIM(REGEXP_REPLACE(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]+|[\s\x{0B}\x{FEFF}\p{Z}]+$', ''))) <= 48 END)
      AND NOT (REGEXP_CONTAINS(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:\p{Sc}|[A-Z]{3})') AND REGEXP_CONTAINS(amount, r'(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*$'))
      AND NOT REGEXP_CONTAINS(amount, r'[+-].*[+-]') AND REGEXP_CONTAINS(amount, r'^(?:[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*)?[+-]?(?:[1-9]\d{0,2}[.,]\d{3})(?:[\s\x{0B}\x{FEFF}\p{Z}]*(?:\p{Sc}|[A-Z]{3}))?[\s\x{0B}\x{FEFF}\p{Z}]*)$') AND NOT (REGEXP_CONTAINS(amount, r'^[\s\x{0B}\x{FEFF}\p{Z}]*[+-]?(?:\p{Sc}|[A-Z]{3})') OR REGEXP_CONTAINS(amount, r'(?:\p{Sc}|[A-Z]{3})[\s\x{0B}\x{FEFF}\p{Z}]*$')) THEN ERROR((IFNULL(CAST(what AS STRING), 'blank') || ' "' || IFNULL(CAST(amount AS STRING), 'blank') || '" could be ' || FORMAT('%.12g', CAST(REGEXP_REPLACE(amount, r'[^0-9.,]', '') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ' or ' || FORMAT('%.12g', CAST(REGEXP_REPLACE(amount, r'[^0-9]', '') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ', the dot may group thousands or mark decimals: enter ' || FORMAT('%.12g', CAST(REGEXP_REPLACE(amount, r'[^0-9.,]', '') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ' or ' || FORMAT('%.12g', CAST(REGEXP_REPLACE(amount, r'[^0-9]', '') AS FLOAT64) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END) || ' as a plain number'))
    ELSE ERROR((IFNULL(CAST(what AS STRING), 'blank') || ' "' || IFNULL(CAST(amount AS STRING), 'blank') || '" is not a number, enter a number such as 1200, 1,204.50 or $950')) END
);

-- Money text as exports write it, read the way the sheet reads it: 1204.5, $1,204.50, USD 1,204.50,
-- 1.204,50 €, EUR 1.204,50, 1 204,50, 1204,50, 1.204.000. Text with two readings ("1,204" could be 1204
-- or 1.204) and any other text is an error that quotes it, after what (e.g. "ads.csv row 12, Cost");
-- NULL or empty is NULL. The sign is kept, so a negative amount reaches the rule that money is 0 or more.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_amount`(amount STRING, what STRING)
RETURNS FLOAT64
AS (
CASE WHEN amount IS NULL OR amount = '' THEN NULL
    WHEN LENGTH(amount) <= 48 AND REGEXP_CONTAINS(amount, r'^(?:\$?\d+(?:\.(?:\d{1,2}|\d{4,}))?|\$?(?:0\d*|\d{4,})\.\d{3}|\$[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:,\d{3})+\.\d+|[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?)$') THEN CAST(REPLACE(REPLACE(amount, '$', ''), ',', '') AS FLOAT64)
    ELSE COALESCE(`funnel_math.funnel_amount_value`(amount) * CASE WHEN STRPOS(amount, '-') > 0 THEN -1 ELSE 1 END, `funnel_math.funnel_amount_problem`(amount, what)) END
);

-- The view of report fn: NULL or '' for activity, else one of activity, cohort (any case); anything else is an error.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_view`(view STRING, fn STRING)
RETURNS STRING
AS (
CASE WHEN view IS NULL OR TRIM(view) = '' THEN 'activity'
    WHEN LOWER(TRIM(view)) IN ('activity', 'cohort') THEN LOWER(TRIM(view))
    ELSE ERROR((IFNULL(CAST(fn AS STRING), 'blank') || ': view "' || IFNULL(CAST(view AS STRING), 'blank') || '" is not a view; use activity or cohort, or NULL for activity')) END
);

-- What a deal status means when it is one of the known spellings (Won, Lost, Open, Closed won, Closed lost, TRUE): won, lost or open; else NULL.
CREATE OR REPLACE FUNCTION `funnel_math.funnel_deal_status`(status STRING)
RETURNS STRING
AS (
CASE `funnel_math.funnel_label_key`(status)
    WHEN 'won' THEN 'won'
    WHEN 'lost' THEN 'lost'
    WHEN 'open' THEN 'open'
    WHEN 'closedwon' THEN 'won'
    WHEN 'closedlost' THEN 'lost'
    WHEN 'true' THEN 'won'
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cpqm`(spend FLOAT64, meetings FLOAT64, qual_rate FLOAT64, show_rate FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR meetings IS NULL OR qual_rate IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cpqm: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cpqm: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(meetings) OR IS_NAN(meetings))) THEN ERROR(('cpqm: meetings is ' || CASE WHEN IS_NAN(meetings) THEN 'NaN' WHEN IS_INF(meetings) THEN IF(meetings > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', meetings) END || ', enter a finite number'))
    WHEN meetings < 0 THEN ERROR(('cpqm: meetings ' || FORMAT('%.12g', meetings) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(qual_rate) OR IS_NAN(qual_rate))) THEN ERROR(('cpqm: qual_rate is ' || CASE WHEN IS_NAN(qual_rate) THEN 'NaN' WHEN IS_INF(qual_rate) THEN IF(qual_rate > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', qual_rate) END || ', enter a finite number'))
    WHEN qual_rate > 1 THEN ERROR(('cpqm: qual_rate ' || FORMAT('%.12g', qual_rate) || ' is above 100%: enter ' || FORMAT('%.12g', qual_rate / 100)))
    WHEN qual_rate < 0 THEN ERROR(('cpqm: qual_rate ' || FORMAT('%.12g', qual_rate) || ' is negative, enter a rate between 0 and 1'))
    WHEN NOT (NOT (IS_INF(show_rate) OR IS_NAN(show_rate))) THEN ERROR(('cpqm: show_rate is ' || CASE WHEN IS_NAN(show_rate) THEN 'NaN' WHEN IS_INF(show_rate) THEN IF(show_rate > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', show_rate) END || ', enter a finite number'))
    WHEN show_rate > 1 THEN ERROR(('cpqm: show_rate ' || FORMAT('%.12g', show_rate) || ' is above 100%: enter ' || FORMAT('%.12g', show_rate / 100)))
    WHEN show_rate < 0 THEN ERROR(('cpqm: show_rate ' || FORMAT('%.12g', show_rate) || ' is negative, enter a rate between 0 and 1'))
    ELSE `funnel_math.funnel_finite`(CASE WHEN meetings = 0 OR COALESCE(show_rate, 1) = 0 OR qual_rate = 0 THEN NULL ELSE IEEE_DIVIDE(spend, (meetings * COALESCE(show_rate, 1) * qual_rate)) END, 'cpqm')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cost_per_meeting`(spend FLOAT64, meetings FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR meetings IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cost_per_meeting: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cost_per_meeting: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(meetings) OR IS_NAN(meetings))) THEN ERROR(('cost_per_meeting: meetings is ' || CASE WHEN IS_NAN(meetings) THEN 'NaN' WHEN IS_INF(meetings) THEN IF(meetings > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', meetings) END || ', enter a finite number'))
    WHEN meetings < 0 THEN ERROR(('cost_per_meeting: meetings ' || FORMAT('%.12g', meetings) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(spend, NULLIF(meetings, 0)), 'cost_per_meeting')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.max_cpqm`(deal FLOAT64, close FLOAT64, roas FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN deal IS NULL OR close IS NULL OR roas IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(deal) OR IS_NAN(deal))) THEN ERROR(('max_cpqm: deal is ' || CASE WHEN IS_NAN(deal) THEN 'NaN' WHEN IS_INF(deal) THEN IF(deal > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', deal) END || ', enter a finite number'))
    WHEN deal < 0 THEN ERROR(('max_cpqm: deal ' || FORMAT('%.12g', deal) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(close) OR IS_NAN(close))) THEN ERROR(('max_cpqm: close is ' || CASE WHEN IS_NAN(close) THEN 'NaN' WHEN IS_INF(close) THEN IF(close > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', close) END || ', enter a finite number'))
    WHEN close > 1 THEN ERROR(('max_cpqm: close ' || FORMAT('%.12g', close) || ' is above 100%: enter ' || FORMAT('%.12g', close / 100)))
    WHEN close < 0 THEN ERROR(('max_cpqm: close ' || FORMAT('%.12g', close) || ' is negative, enter a rate between 0 and 1'))
    WHEN NOT (NOT (IS_INF(roas) OR IS_NAN(roas))) THEN ERROR(('max_cpqm: roas is ' || CASE WHEN IS_NAN(roas) THEN 'NaN' WHEN IS_INF(roas) THEN IF(roas > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', roas) END || ', enter a finite number'))
    WHEN roas < 0 THEN ERROR(('max_cpqm: roas ' || FORMAT('%.12g', roas) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(COALESCE(SAFE_MULTIPLY(deal, close), IEEE_DIVIDE(SIGN(deal) * SIGN(close), 0)), NULLIF(roas, 0)), 'max_cpqm')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.headroom`(cost FLOAT64, max_cost FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN cost IS NULL OR max_cost IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(cost) OR IS_NAN(cost))) THEN ERROR(('headroom: cost is ' || CASE WHEN IS_NAN(cost) THEN 'NaN' WHEN IS_INF(cost) THEN IF(cost > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', cost) END || ', enter a finite number'))
    WHEN cost < 0 THEN ERROR(('headroom: cost ' || FORMAT('%.12g', cost) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(max_cost) OR IS_NAN(max_cost))) THEN ERROR(('headroom: max_cost is ' || CASE WHEN IS_NAN(max_cost) THEN 'NaN' WHEN IS_INF(max_cost) THEN IF(max_cost > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', max_cost) END || ', enter a finite number'))
    WHEN max_cost < 0 THEN ERROR(('headroom: max_cost ' || FORMAT('%.12g', max_cost) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(1 - IEEE_DIVIDE(cost, NULLIF(max_cost, 0)), 'headroom')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cpm`(spend FLOAT64, impressions FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR impressions IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cpm: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cpm: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(impressions) OR IS_NAN(impressions))) THEN ERROR(('cpm: impressions is ' || CASE WHEN IS_NAN(impressions) THEN 'NaN' WHEN IS_INF(impressions) THEN IF(impressions > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', impressions) END || ', enter a finite number'))
    WHEN impressions < 0 THEN ERROR(('cpm: impressions ' || FORMAT('%.12g', impressions) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(COALESCE(SAFE_MULTIPLY(IEEE_DIVIDE(spend, NULLIF(impressions, 0)), 1000), IEEE_DIVIDE(SIGN(IEEE_DIVIDE(spend, NULLIF(impressions, 0))) * SIGN(1000), 0)), 'cpm')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cpc`(spend FLOAT64, clicks FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR clicks IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cpc: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cpc: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(clicks) OR IS_NAN(clicks))) THEN ERROR(('cpc: clicks is ' || CASE WHEN IS_NAN(clicks) THEN 'NaN' WHEN IS_INF(clicks) THEN IF(clicks > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', clicks) END || ', enter a finite number'))
    WHEN clicks < 0 THEN ERROR(('cpc: clicks ' || FORMAT('%.12g', clicks) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(spend, NULLIF(clicks, 0)), 'cpc')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.ctr`(clicks FLOAT64, impressions FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN clicks IS NULL OR impressions IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(clicks) OR IS_NAN(clicks))) THEN ERROR(('ctr: clicks is ' || CASE WHEN IS_NAN(clicks) THEN 'NaN' WHEN IS_INF(clicks) THEN IF(clicks > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', clicks) END || ', enter a finite number'))
    WHEN clicks < 0 THEN ERROR(('ctr: clicks ' || FORMAT('%.12g', clicks) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(impressions) OR IS_NAN(impressions))) THEN ERROR(('ctr: impressions is ' || CASE WHEN IS_NAN(impressions) THEN 'NaN' WHEN IS_INF(impressions) THEN IF(impressions > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', impressions) END || ', enter a finite number'))
    WHEN impressions < 0 THEN ERROR(('ctr: impressions ' || FORMAT('%.12g', impressions) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(CASE WHEN impressions = 0 THEN NULL WHEN clicks > impressions THEN ERROR(('ctr: clicks ' || FORMAT('%.12g', clicks) || ' is more than impressions ' || FORMAT('%.12g', impressions) || ', check that the columns are not swapped')) ELSE IEEE_DIVIDE(clicks, NULLIF(impressions, 0)) END, 'ctr')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cpl`(spend FLOAT64, leads FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR leads IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cpl: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cpl: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(leads) OR IS_NAN(leads))) THEN ERROR(('cpl: leads is ' || CASE WHEN IS_NAN(leads) THEN 'NaN' WHEN IS_INF(leads) THEN IF(leads > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', leads) END || ', enter a finite number'))
    WHEN leads < 0 THEN ERROR(('cpl: leads ' || FORMAT('%.12g', leads) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(spend, NULLIF(leads, 0)), 'cpl')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cost_per_opp`(spend FLOAT64, opportunities FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR opportunities IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cost_per_opp: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cost_per_opp: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(opportunities) OR IS_NAN(opportunities))) THEN ERROR(('cost_per_opp: opportunities is ' || CASE WHEN IS_NAN(opportunities) THEN 'NaN' WHEN IS_INF(opportunities) THEN IF(opportunities > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', opportunities) END || ', enter a finite number'))
    WHEN opportunities < 0 THEN ERROR(('cost_per_opp: opportunities ' || FORMAT('%.12g', opportunities) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(spend, NULLIF(opportunities, 0)), 'cost_per_opp')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.cac`(spend FLOAT64, customers FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN spend IS NULL OR customers IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('cac: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('cac: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(customers) OR IS_NAN(customers))) THEN ERROR(('cac: customers is ' || CASE WHEN IS_NAN(customers) THEN 'NaN' WHEN IS_INF(customers) THEN IF(customers > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', customers) END || ', enter a finite number'))
    WHEN customers < 0 THEN ERROR(('cac: customers ' || FORMAT('%.12g', customers) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(spend, NULLIF(customers, 0)), 'cac')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.roas`(revenue FLOAT64, spend FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN revenue IS NULL OR spend IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(revenue) OR IS_NAN(revenue))) THEN ERROR(('roas: revenue is ' || CASE WHEN IS_NAN(revenue) THEN 'NaN' WHEN IS_INF(revenue) THEN IF(revenue > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', revenue) END || ', enter a finite number'))
    WHEN revenue < 0 THEN ERROR(('roas: revenue ' || FORMAT('%.12g', revenue) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(spend) OR IS_NAN(spend))) THEN ERROR(('roas: spend is ' || CASE WHEN IS_NAN(spend) THEN 'NaN' WHEN IS_INF(spend) THEN IF(spend > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', spend) END || ', enter a finite number'))
    WHEN spend < 0 THEN ERROR(('roas: spend ' || FORMAT('%.12g', spend) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(revenue, NULLIF(spend, 0)), 'roas')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.conversion`(from_count FLOAT64, to_count FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN from_count IS NULL OR to_count IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(from_count) OR IS_NAN(from_count))) THEN ERROR(('conversion: from_count is ' || CASE WHEN IS_NAN(from_count) THEN 'NaN' WHEN IS_INF(from_count) THEN IF(from_count > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', from_count) END || ', enter a finite number'))
    WHEN from_count < 0 THEN ERROR(('conversion: from_count ' || FORMAT('%.12g', from_count) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(to_count) OR IS_NAN(to_count))) THEN ERROR(('conversion: to_count is ' || CASE WHEN IS_NAN(to_count) THEN 'NaN' WHEN IS_INF(to_count) THEN IF(to_count > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', to_count) END || ', enter a finite number'))
    WHEN to_count < 0 THEN ERROR(('conversion: to_count ' || FORMAT('%.12g', to_count) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(IEEE_DIVIDE(to_count, NULLIF(from_count, 0)), 'conversion')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.sqms_needed`(quota FLOAT64, coverage FLOAT64, deal_size FLOAT64, sqm_to_opp FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN quota IS NULL OR coverage IS NULL OR deal_size IS NULL OR sqm_to_opp IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(quota) OR IS_NAN(quota))) THEN ERROR(('sqms_needed: quota is ' || CASE WHEN IS_NAN(quota) THEN 'NaN' WHEN IS_INF(quota) THEN IF(quota > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', quota) END || ', enter a finite number'))
    WHEN quota < 0 THEN ERROR(('sqms_needed: quota ' || FORMAT('%.12g', quota) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(coverage) OR IS_NAN(coverage))) THEN ERROR(('sqms_needed: coverage is ' || CASE WHEN IS_NAN(coverage) THEN 'NaN' WHEN IS_INF(coverage) THEN IF(coverage > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', coverage) END || ', enter a finite number'))
    WHEN coverage < 0 THEN ERROR(('sqms_needed: coverage ' || FORMAT('%.12g', coverage) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(deal_size) OR IS_NAN(deal_size))) THEN ERROR(('sqms_needed: deal_size is ' || CASE WHEN IS_NAN(deal_size) THEN 'NaN' WHEN IS_INF(deal_size) THEN IF(deal_size > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', deal_size) END || ', enter a finite number'))
    WHEN deal_size < 0 THEN ERROR(('sqms_needed: deal_size ' || FORMAT('%.12g', deal_size) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(sqm_to_opp) OR IS_NAN(sqm_to_opp))) THEN ERROR(('sqms_needed: sqm_to_opp is ' || CASE WHEN IS_NAN(sqm_to_opp) THEN 'NaN' WHEN IS_INF(sqm_to_opp) THEN IF(sqm_to_opp > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', sqm_to_opp) END || ', enter a finite number'))
    WHEN sqm_to_opp > 1 THEN ERROR(('sqms_needed: sqm_to_opp ' || FORMAT('%.12g', sqm_to_opp) || ' is above 100%: enter ' || FORMAT('%.12g', sqm_to_opp / 100)))
    WHEN sqm_to_opp < 0 THEN ERROR(('sqms_needed: sqm_to_opp ' || FORMAT('%.12g', sqm_to_opp) || ' is negative, enter a rate between 0 and 1'))
    ELSE `funnel_math.funnel_finite`(CASE WHEN deal_size = 0 OR sqm_to_opp = 0 THEN NULL ELSE IEEE_DIVIDE(COALESCE(SAFE_MULTIPLY(quota, coverage), IEEE_DIVIDE(SIGN(quota) * SIGN(coverage), 0)), (deal_size * sqm_to_opp)) END, 'sqms_needed')
  END
);

CREATE OR REPLACE FUNCTION `funnel_math.sdrs_needed`(sqms_needed FLOAT64, sqms_per_sdr FLOAT64)
RETURNS FLOAT64
AS (
  CASE WHEN sqms_needed IS NULL OR sqms_per_sdr IS NULL THEN NULL
    WHEN NOT (NOT (IS_INF(sqms_needed) OR IS_NAN(sqms_needed))) THEN ERROR(('sdrs_needed: sqms_needed is ' || CASE WHEN IS_NAN(sqms_needed) THEN 'NaN' WHEN IS_INF(sqms_needed) THEN IF(sqms_needed > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', sqms_needed) END || ', enter a finite number'))
    WHEN sqms_needed < 0 THEN ERROR(('sdrs_needed: sqms_needed ' || FORMAT('%.12g', sqms_needed) || ' is negative, enter 0 or more'))
    WHEN NOT (NOT (IS_INF(sqms_per_sdr) OR IS_NAN(sqms_per_sdr))) THEN ERROR(('sdrs_needed: sqms_per_sdr is ' || CASE WHEN IS_NAN(sqms_per_sdr) THEN 'NaN' WHEN IS_INF(sqms_per_sdr) THEN IF(sqms_per_sdr > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', sqms_per_sdr) END || ', enter a finite number'))
    WHEN sqms_per_sdr < 0 THEN ERROR(('sdrs_needed: sqms_per_sdr ' || FORMAT('%.12g', sqms_per_sdr) || ' is negative, enter 0 or more'))
    ELSE `funnel_math.funnel_finite`(`funnel_math.funnel_ceil_forgiving`(IEEE_DIVIDE(sqms_needed, NULLIF(sqms_per_sdr, 0))), 'sdrs_needed')
  END
);

-- Stand-ins until you define the views over your own tables (CREATE OR REPLACE VIEW ... AS SELECT ...).
CREATE VIEW IF NOT EXISTS `funnel_math.funnel_spend` AS SELECT CAST(NULL AS STRING) AS channel, CAST(NULL AS FLOAT64) AS spend, CAST(NULL AS DATE) AS day, CAST(NULL AS INT64) AS source_row, CAST(NULL AS STRING) AS currency FROM UNNEST(ARRAY<INT64>[]);
CREATE VIEW IF NOT EXISTS `funnel_math.funnel_meetings` AS SELECT CAST(NULL AS STRING) AS channel, CAST(NULL AS STRING) AS outcome, CAST(NULL AS DATE) AS day, CAST(NULL AS INT64) AS source_row FROM UNNEST(ARRAY<INT64>[]);
CREATE VIEW IF NOT EXISTS `funnel_math.funnel_mapping` AS SELECT CAST(NULL AS STRING) AS field, CAST(NULL AS STRING) AS value, CAST(NULL AS STRING) AS means, CAST(NULL AS INT64) AS source_row FROM UNNEST(ARRAY<INT64>[]);
CREATE VIEW IF NOT EXISTS `funnel_math.funnel_records` AS SELECT CAST(NULL AS STRING) AS channel, CAST(NULL AS DATE) AS created, CAST(NULL AS DATE) AS lead, CAST(NULL AS DATE) AS marketing_qualified_lead, CAST(NULL AS DATE) AS sales_qualified_lead, CAST(NULL AS DATE) AS opportunity, CAST(NULL AS DATE) AS customer, CAST(NULL AS INT64) AS source_row FROM UNNEST(ARRAY<INT64>[]);
CREATE VIEW IF NOT EXISTS `funnel_math.funnel_deals` AS SELECT CAST(NULL AS STRING) AS channel, CAST(NULL AS STRING) AS amount, CAST(NULL AS DATE) AS created, CAST(NULL AS DATE) AS closed, CAST(NULL AS STRING) AS status, CAST(NULL AS INT64) AS source_row FROM UNNEST(ARRAY<INT64>[]);

-- The channel report from raw rows: one row per channel (and period), then All channels per period, then
-- All channels overall. Reads the views funnel_spend(channel, spend, day [, source_row] [, currency]) and
-- funnel_meetings(channel, outcome, day [, source_row]); in BigQuery the views list source_row, NULL where rows have no order,
-- and funnel_spend lists currency, NULL where the spend names none; spend in two currencies is refused.
-- period: NULL or empty for none, week, month, quarter or year.
-- Rows come in report order (DuckDB keeps it; BigQuery does not promise the order of a table function, see docs/WAREHOUSE.md).
CREATE OR REPLACE TABLE FUNCTION `funnel_math.cpqm_report`(period STRING)
AS (
  WITH
  mapping_rows AS (
    SELECT source_row, field, means, `funnel_math.funnel_label_key`(field) AS field_key, `funnel_math.funnel_channel_key`(value) AS value_key,
      `funnel_math.funnel_label_key`(means) AS means_key, `funnel_math.funnel_channel_key`(means) AS means_name_key,
      ROW_NUMBER() OVER (ORDER BY source_row NULLS LAST, field, value, means) AS place
    FROM (
      SELECT CAST(field AS STRING) AS field, CAST(value AS STRING) AS value,
        CAST(means AS STRING) AS means, CAST(source_row AS INT64) AS source_row
      FROM (SELECT field, value, means, source_row FROM `funnel_math.funnel_mapping`)
    ) AS v
    -- A row with a blank Value or Means is skipped, as in the sheet.
    WHERE value IS NOT NULL AND value <> '' AND means IS NOT NULL AND means <> ''
  ),
  mapping AS (
    SELECT field_key, place, means, means_key, value_key, STRPOS(value_key, '*') > 0 AS is_pattern,
      REPLACE(REGEXP_REPLACE(value_key, r'[.+?^$(){}|\[\]\\]', '\\\\\\0'), '*', '.*') AS pattern
    FROM mapping_rows
    WHERE field_key IN ('channel', 'outcome', 'dealstatus') AND value_key <> '' AND means_name_key <> ''
  ),
  spend_rows AS (
    SELECT raw, amount, source_row, currency, `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'cpqm_report'), day) AS start,
      -- What the sheet would say about the row, in its order: 0 fine (or a blank row), 1 spend without
      -- a channel, 2 a channel without spend, 5 spend not a finite amount ≥ 0 (3 totals rows and 4 missing
      -- days are found per channel and period below).
      CASE WHEN raw <> '' AND amount >= 0 AND (NOT (IS_INF(amount) OR IS_NAN(amount))) THEN 0
        WHEN raw IS NULL OR raw = '' THEN CASE WHEN amount IS NULL THEN 0 ELSE 1 END
        WHEN amount IS NULL THEN 2
        ELSE 5 END AS problem
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(spend AS FLOAT64) AS amount,
        CAST(day AS DATE) AS day, CAST(source_row AS INT64) AS source_row,
        CAST(currency AS STRING) AS currency
      FROM (SELECT channel, spend, day, source_row, currency FROM `funnel_math.funnel_spend`)
    ) AS v
  ),
  spend_groups AS (
    SELECT raw, start, currency, spend, first_row,
      CASE WHEN first_row IS NULL THEN NULL ELSE DIV(first_problem, 8) END AS problem_row,
      MOD(first_problem, 8) AS problem_kind, problem_amount
    FROM (
      SELECT raw, start, currency,
        SUM(amount) AS spend,
        MIN(source_row) AS first_row,
        -- The first problem row and its kind in one aggregate: row * 8 + kind.
        MIN(CASE WHEN problem > 0 THEN COALESCE(source_row, 0) * 8 + problem END) AS first_problem,
        ARRAY_AGG(IF(problem > 0, amount, NULL) IGNORE NULLS ORDER BY source_row NULLS LAST, amount LIMIT 1)[SAFE_OFFSET(0)] AS problem_amount
      FROM spend_rows
      -- A group per currency, nearly always one, so the first row of each currency is known.
      GROUP BY raw, start, currency
    ) AS a
  ),
  spend_currency AS (
    SELECT currency, first_row, raw FROM spend_groups WHERE currency IS NOT NULL
    ORDER BY first_row NULLS LAST, raw, currency LIMIT 1
  ),
  meeting_rows AS (
    SELECT raw, label, source_row, `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'cpqm_report'), day) AS start
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(outcome AS STRING) AS label,
        CAST(day AS DATE) AS day, CAST(source_row AS INT64) AS source_row
      FROM (SELECT channel, outcome, day, source_row FROM `funnel_math.funnel_meetings`)
    ) AS v
    WHERE label IS NOT NULL AND label <> ''
  ),
  label_list AS (
    -- The view read once for its few labels, then again to be counted by them: its rows are never held.
    SELECT DISTINCT label FROM (SELECT CAST(outcome AS STRING) AS label FROM (SELECT channel, outcome, day, source_row FROM `funnel_math.funnel_meetings`)) AS v
    WHERE label <> ''
  ),
  labels AS (
    -- The mapping table's outcome rows first, then the built-in labels.
    SELECT d.label, `funnel_math.funnel_is_totals`(d.label) AS is_totals,
      CASE WHEN m.means_key = 'ignore' THEN 'ignore'
        ELSE `funnel_math.funnel_outcome`(COALESCE(m.means, d.label)) END AS outcome
    FROM label_list AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT label AS item, `funnel_math.funnel_channel_key`(label) AS key FROM label_list) AS d JOIN mapping AS m ON m.field_key = 'outcome'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.label
  ),
  meeting_groups AS (
    -- Per channel spelling and period, each row's label read through the few rows of labels before
    -- grouping. An outcome the mapping table ignores is counted nowhere and checked no further
    -- (counted = 0 where a group has nothing else); a totals-row label is refused whatever it means.
    SELECT m.raw, m.start, COUNTIF((l.outcome IS NULL OR l.outcome <> 'ignore')) AS counted, MIN(IF((l.outcome IS NULL OR l.outcome <> 'ignore'), m.source_row, NULL)) AS first_row,
      COUNTIF(l.outcome IN ('qualified', 'not_qualified', 'no_show')) AS booked,
      COUNTIF(l.outcome IN ('qualified', 'not_qualified')) AS held,
      COUNTIF(l.outcome = 'no_show') AS no_shows,
      COUNTIF(l.outcome = 'qualified') AS qualified,
      COUNTIF(l.outcome = 'pending') AS pending,
      -- A label nobody knows is counted, not refused: one new CRM label must not stop the report.
      COUNTIF(l.outcome IS NULL) AS unrecognised,
      MIN(IF(l.is_totals, m.source_row, NULL)) AS totals_row,
      ARRAY_AGG(IF(l.is_totals, m.label, NULL) IGNORE NULLS ORDER BY m.source_row NULLS LAST, m.label LIMIT 1)[SAFE_OFFSET(0)] AS totals_label
    FROM meeting_rows AS m JOIN labels AS l ON l.label = m.label
    GROUP BY m.raw, m.start
  ),
  spellings_met AS (
    SELECT raw FROM spend_groups WHERE raw <> '' UNION DISTINCT SELECT raw FROM meeting_groups WHERE raw <> ''
  ),
  raws AS (
    SELECT d.raw, `funnel_math.funnel_channel_key`(COALESCE(m.means, d.raw)) AS key,
      `funnel_math.funnel_channel_name`(COALESCE(m.means, d.raw)) AS name, `funnel_math.funnel_is_totals`(d.raw) AS is_totals
    FROM spellings_met AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT raw AS item, `funnel_math.funnel_channel_key`(raw) AS key FROM spellings_met) AS d JOIN mapping AS m ON m.field_key = 'channel'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.raw
  ),
  problems AS (
    -- Kinds in the order the sheet checks a row: for spend rows 1 no channel, 2 no spend, 3 totals,
    -- 4 no day, 5 bad amount; for meeting rows 1 totals-row outcome, 2 totals-row channel, 3 no day.
    -- The mapping table is read first, as the sheet reads it before the function runs.
    SELECT -1 AS src, problem_row, kind, raw, detail FROM (
    SELECT source_row AS problem_row, kind, field AS raw,
      CASE kind
        WHEN 1 THEN 'the field is blank; use channel, outcome or deal status'
        WHEN 2 THEN ('field "' || IFNULL(CAST(field AS STRING), 'blank') || '" is not a field; use channel, outcome or deal status')
        WHEN 3 THEN ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something an outcome can mean; use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, Ignore')
        ELSE ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something a deal status can mean; use one of: Won, Lost, Open')
      END AS detail
    FROM (
      SELECT source_row, field, means,
        CASE WHEN field IS NULL OR field = '' THEN 1
          WHEN field_key NOT IN ('channel', 'outcome', 'dealstatus') THEN 2
          WHEN value_key = '' OR means_name_key = '' THEN 0
          WHEN field_key = 'outcome' AND means_key NOT IN ('qualified', 'notqualifiedcompanysize', 'notqualifiedrole', 'notqualifiedbudget', 'noshow', 'rescheduledpending', 'ignore') THEN 3
          WHEN field_key = 'dealstatus' AND means_key NOT IN ('won', 'lost', 'open') THEN 4
          ELSE 0 END AS kind
      FROM mapping_rows
    ) AS m
    WHERE kind > 0
    ) AS mp
    UNION ALL
    SELECT 0 AS src, problem_row, problem_kind AS kind, raw,
      CASE problem_kind
        WHEN 1 THEN ('channel is blank beside spend ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', fill in its channel, or clear the row')
        WHEN 2 THEN ('spend is blank for channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '", fill in its spend (0 if none), or clear the row')
        ELSE CASE WHEN (NOT (IS_INF(problem_amount) OR IS_NAN(problem_amount))) THEN ('spend ' || FORMAT('%.12g', problem_amount) || ' is negative, enter 0 or more')
          ELSE ('spend is ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', enter a finite number') END
      END AS detail
    FROM spend_groups WHERE problem_kind IS NOT NULL
    UNION ALL
    SELECT 0, g.first_row, 3, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM spend_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
    UNION ALL
    SELECT 0, first_row, 4, raw, ('day is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'cpqm_report') AS STRING), 'blank') || ' report needs the date of every row')
    FROM spend_groups WHERE raw <> '' AND `funnel_math.funnel_period_unit`(period, 'cpqm_report') IS NOT NULL AND start IS NULL
    UNION ALL
    SELECT 0, g.first_row, 1006, g.raw,
      ('spend is in two currencies: ' || IFNULL(CAST(CASE WHEN c.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(c.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN c.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(c.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' is in ' || IFNULL(CAST(c.currency AS STRING), 'blank') || ' and ' || IFNULL(CAST(CASE WHEN g.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(g.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN g.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' in ' || IFNULL(CAST(g.currency AS STRING), 'blank') || '; amounts in different currencies are never added, so pass them in one currency')
    FROM spend_groups AS g CROSS JOIN spend_currency AS c WHERE g.currency <> c.currency
    UNION ALL
    SELECT 1, totals_row, 1, raw, ('outcome "' || IFNULL(CAST(totals_label AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM meeting_groups WHERE totals_label IS NOT NULL
    UNION ALL
    SELECT 1, g.first_row, 2, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM meeting_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE g.counted > 0 AND r.is_totals
    UNION ALL
    SELECT 1, first_row, 3, raw, ('day is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'cpqm_report') AS STRING), 'blank') || ' report needs the date of every row')
    FROM meeting_groups WHERE counted > 0 AND `funnel_math.funnel_period_unit`(period, 'cpqm_report') IS NOT NULL AND start IS NULL
  ),
  first_problem AS (
    SELECT src, problem_row, kind, raw, detail, place, (IFNULL(CAST(place AS STRING), 'blank') || ': ' || IFNULL(CAST(detail AS STRING), 'blank')) AS message
    FROM (
      SELECT *, CASE WHEN kind >= 1000 THEN 'cpqm_report' ELSE ('cpqm_report: ' || IFNULL(CAST(CASE WHEN src = -1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_mapping') ELSE ('a funnel_mapping row of field "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 0 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_spend') WHEN raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_meetings') WHEN raw IS NULL THEN 'a funnel_meetings row without a channel' ELSE ('a funnel_meetings row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END END AS STRING), 'blank')) END AS place
      FROM problems
    ) AS p
    ORDER BY src, problem_row NULLS LAST, MOD(kind, 1000), raw NULLS FIRST
    LIMIT 1
  ),
  checked AS (
    SELECT CASE WHEN COUNT(*) = 0 THEN TRUE ELSE ERROR(MAX(message)) END AS ok FROM first_problem
  ),
  pieces AS (
    SELECT 0 AS src, g.raw, COALESCE(r.key, '') AS key, COALESCE(r.name, '') AS name, g.start, g.first_row,
      COALESCE(g.spend, 0) AS spend, 0 AS booked, 0 AS held, 0 AS no_shows, 0 AS qualified, 0 AS pending, 0 AS unrecognised
    FROM spend_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
    WHERE g.raw <> '' OR g.problem_kind IS NOT NULL
    UNION ALL
    SELECT 1, g.raw, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.key END, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.name END, g.start, g.first_row,
      0, g.booked, g.held, g.no_shows, g.qualified, g.pending, g.unrecognised
    FROM (SELECT * FROM meeting_groups WHERE counted > 0) AS g LEFT JOIN raws AS r ON r.raw = g.raw
  ),
  spellings AS (
    SELECT key, name, src, MIN(first_row) AS first_row
    FROM pieces
    GROUP BY key, name, src
  ),
  channels AS (
    SELECT key, name, ROW_NUMBER() OVER (ORDER BY src, first_row NULLS LAST, key) AS channel_rank
    FROM (
      SELECT key, name, src, first_row,
        ROW_NUMBER() OVER (PARTITION BY key ORDER BY src, first_row NULLS LAST, name) AS k
      FROM spellings
    ) AS s
    WHERE k = 1
  ),
  by_channel AS (
    SELECT key, start, SUM(spend) AS spend, CAST(SUM(booked) AS INT64) AS booked, CAST(SUM(held) AS INT64) AS held, CAST(SUM(no_shows) AS INT64) AS no_shows, CAST(SUM(qualified) AS INT64) AS qualified, CAST(SUM(pending) AS INT64) AS pending, CAST(SUM(unrecognised) AS INT64) AS unrecognised
    FROM pieces
    GROUP BY key, start
  ),
  totals AS (
    SELECT 1 AS section, c.channel_rank, c.name, b.start, b.spend, b.booked, b.held, b.no_shows, b.qualified, b.pending, b.unrecognised
    FROM by_channel AS b JOIN channels AS c ON c.key = b.key
    UNION ALL
    SELECT 2, 0, 'All channels', start, SUM(spend), SUM(booked), SUM(held), SUM(no_shows), SUM(qualified), SUM(pending), SUM(unrecognised)
    FROM by_channel WHERE `funnel_math.funnel_period_unit`(period, 'cpqm_report') IS NOT NULL
    GROUP BY start
    UNION ALL
    SELECT 3, 0, 'All channels', CAST(NULL AS DATE), SUM(spend), SUM(booked), SUM(held), SUM(no_shows), SUM(qualified), SUM(pending), SUM(unrecognised)
    FROM by_channel
    HAVING COUNT(*) > 0
  )
  SELECT
    name AS channel,
    CASE WHEN section = 3 THEN CASE WHEN `funnel_math.funnel_period_unit`(period, 'cpqm_report') IS NULL THEN NULL ELSE 'All' END ELSE `funnel_math.funnel_period_label`(`funnel_math.funnel_period_unit`(period, 'cpqm_report'), start) END AS period,
    CAST(spend AS FLOAT64) AS spend,
    CAST(booked AS INT64) AS booked,
    CAST(held AS INT64) AS held,
    CAST(no_shows AS INT64) AS no_shows,
    CAST(qualified AS INT64) AS qualified,
    IEEE_DIVIDE(held, NULLIF(booked, 0)) AS show_rate,
    IEEE_DIVIDE(qualified, NULLIF(held, 0)) AS qual_rate,
    IEEE_DIVIDE(spend, NULLIF(booked, 0)) AS cost_per_meeting,
    IEEE_DIVIDE(spend, NULLIF(qualified, 0)) AS cpqm,
    CAST(pending AS INT64) AS pending,
    CAST(unrecognised AS INT64) AS unrecognised
  FROM totals CROSS JOIN checked
  WHERE checked.ok
  ORDER BY section, channel_rank, start
);

-- The sheet's CPQM_TREND in long form: one row per period and channel (All channels first, then the
-- report's channels), cpqm NULL where the sheet shows #N/A (nothing spent, or no qualified meeting).
-- Reads the same views as cpqm_report. period: week, month, quarter or year.
-- Rows come in trend order (DuckDB keeps it; in BigQuery add ORDER BY, see docs/WAREHOUSE.md).
CREATE OR REPLACE TABLE FUNCTION `funnel_math.cpqm_trend`(period STRING)
AS (
  WITH
  mapping_rows AS (
    SELECT source_row, field, means, `funnel_math.funnel_label_key`(field) AS field_key, `funnel_math.funnel_channel_key`(value) AS value_key,
      `funnel_math.funnel_label_key`(means) AS means_key, `funnel_math.funnel_channel_key`(means) AS means_name_key,
      ROW_NUMBER() OVER (ORDER BY source_row NULLS LAST, field, value, means) AS place
    FROM (
      SELECT CAST(field AS STRING) AS field, CAST(value AS STRING) AS value,
        CAST(means AS STRING) AS means, CAST(source_row AS INT64) AS source_row
      FROM (SELECT field, value, means, source_row FROM `funnel_math.funnel_mapping`)
    ) AS v
    -- A row with a blank Value or Means is skipped, as in the sheet.
    WHERE value IS NOT NULL AND value <> '' AND means IS NOT NULL AND means <> ''
  ),
  mapping AS (
    SELECT field_key, place, means, means_key, value_key, STRPOS(value_key, '*') > 0 AS is_pattern,
      REPLACE(REGEXP_REPLACE(value_key, r'[.+?^$(){}|\[\]\\]', '\\\\\\0'), '*', '.*') AS pattern
    FROM mapping_rows
    WHERE field_key IN ('channel', 'outcome', 'dealstatus') AND value_key <> '' AND means_name_key <> ''
  ),
  spend_rows AS (
    SELECT raw, amount, source_row, currency, `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'cpqm_trend'), day) AS start,
      -- What the sheet would say about the row, in its order: 0 fine (or a blank row), 1 spend without
      -- a channel, 2 a channel without spend, 5 spend not a finite amount ≥ 0 (3 totals rows and 4 missing
      -- days are found per channel and period below).
      CASE WHEN raw <> '' AND amount >= 0 AND (NOT (IS_INF(amount) OR IS_NAN(amount))) THEN 0
        WHEN raw IS NULL OR raw = '' THEN CASE WHEN amount IS NULL THEN 0 ELSE 1 END
        WHEN amount IS NULL THEN 2
        ELSE 5 END AS problem
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(spend AS FLOAT64) AS amount,
        CAST(day AS DATE) AS day, CAST(source_row AS INT64) AS source_row,
        CAST(currency AS STRING) AS currency
      FROM (SELECT channel, spend, day, source_row, currency FROM `funnel_math.funnel_spend`)
    ) AS v
  ),
  spend_groups AS (
    SELECT raw, start, currency, spend, first_row,
      CASE WHEN first_row IS NULL THEN NULL ELSE DIV(first_problem, 8) END AS problem_row,
      MOD(first_problem, 8) AS problem_kind, problem_amount
    FROM (
      SELECT raw, start, currency,
        SUM(amount) AS spend,
        MIN(source_row) AS first_row,
        -- The first problem row and its kind in one aggregate: row * 8 + kind.
        MIN(CASE WHEN problem > 0 THEN COALESCE(source_row, 0) * 8 + problem END) AS first_problem,
        ARRAY_AGG(IF(problem > 0, amount, NULL) IGNORE NULLS ORDER BY source_row NULLS LAST, amount LIMIT 1)[SAFE_OFFSET(0)] AS problem_amount
      FROM spend_rows
      -- A group per currency, nearly always one, so the first row of each currency is known.
      GROUP BY raw, start, currency
    ) AS a
  ),
  spend_currency AS (
    SELECT currency, first_row, raw FROM spend_groups WHERE currency IS NOT NULL
    ORDER BY first_row NULLS LAST, raw, currency LIMIT 1
  ),
  meeting_rows AS (
    SELECT raw, label, source_row, `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'cpqm_trend'), day) AS start
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(outcome AS STRING) AS label,
        CAST(day AS DATE) AS day, CAST(source_row AS INT64) AS source_row
      FROM (SELECT channel, outcome, day, source_row FROM `funnel_math.funnel_meetings`)
    ) AS v
    WHERE label IS NOT NULL AND label <> ''
  ),
  label_list AS (
    -- The view read once for its few labels, then again to be counted by them: its rows are never held.
    SELECT DISTINCT label FROM (SELECT CAST(outcome AS STRING) AS label FROM (SELECT channel, outcome, day, source_row FROM `funnel_math.funnel_meetings`)) AS v
    WHERE label <> ''
  ),
  labels AS (
    -- The mapping table's outcome rows first, then the built-in labels.
    SELECT d.label, `funnel_math.funnel_is_totals`(d.label) AS is_totals,
      CASE WHEN m.means_key = 'ignore' THEN 'ignore'
        ELSE `funnel_math.funnel_outcome`(COALESCE(m.means, d.label)) END AS outcome
    FROM label_list AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT label AS item, `funnel_math.funnel_channel_key`(label) AS key FROM label_list) AS d JOIN mapping AS m ON m.field_key = 'outcome'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.label
  ),
  meeting_groups AS (
    -- Per channel spelling and period, each row's label read through the few rows of labels before
    -- grouping. An outcome the mapping table ignores is counted nowhere and checked no further
    -- (counted = 0 where a group has nothing else); a totals-row label is refused whatever it means.
    SELECT m.raw, m.start, COUNTIF((l.outcome IS NULL OR l.outcome <> 'ignore')) AS counted, MIN(IF((l.outcome IS NULL OR l.outcome <> 'ignore'), m.source_row, NULL)) AS first_row,
      COUNTIF(l.outcome IN ('qualified', 'not_qualified', 'no_show')) AS booked,
      COUNTIF(l.outcome IN ('qualified', 'not_qualified')) AS held,
      COUNTIF(l.outcome = 'no_show') AS no_shows,
      COUNTIF(l.outcome = 'qualified') AS qualified,
      COUNTIF(l.outcome = 'pending') AS pending,
      -- A label nobody knows is counted, not refused: one new CRM label must not stop the report.
      COUNTIF(l.outcome IS NULL) AS unrecognised,
      MIN(IF(l.is_totals, m.source_row, NULL)) AS totals_row,
      ARRAY_AGG(IF(l.is_totals, m.label, NULL) IGNORE NULLS ORDER BY m.source_row NULLS LAST, m.label LIMIT 1)[SAFE_OFFSET(0)] AS totals_label
    FROM meeting_rows AS m JOIN labels AS l ON l.label = m.label
    GROUP BY m.raw, m.start
  ),
  spellings_met AS (
    SELECT raw FROM spend_groups WHERE raw <> '' UNION DISTINCT SELECT raw FROM meeting_groups WHERE raw <> ''
  ),
  raws AS (
    SELECT d.raw, `funnel_math.funnel_channel_key`(COALESCE(m.means, d.raw)) AS key,
      `funnel_math.funnel_channel_name`(COALESCE(m.means, d.raw)) AS name, `funnel_math.funnel_is_totals`(d.raw) AS is_totals
    FROM spellings_met AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT raw AS item, `funnel_math.funnel_channel_key`(raw) AS key FROM spellings_met) AS d JOIN mapping AS m ON m.field_key = 'channel'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.raw
  ),
  problems AS (
    -- Kinds in the order the sheet checks a row: for spend rows 1 no channel, 2 no spend, 3 totals,
    -- 4 no day, 5 bad amount; for meeting rows 1 totals-row outcome, 2 totals-row channel, 3 no day.
    -- The mapping table is read first, as the sheet reads it before the function runs.
    SELECT -1 AS src, problem_row, kind, raw, detail FROM (
    SELECT source_row AS problem_row, kind, field AS raw,
      CASE kind
        WHEN 1 THEN 'the field is blank; use channel, outcome or deal status'
        WHEN 2 THEN ('field "' || IFNULL(CAST(field AS STRING), 'blank') || '" is not a field; use channel, outcome or deal status')
        WHEN 3 THEN ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something an outcome can mean; use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, Ignore')
        ELSE ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something a deal status can mean; use one of: Won, Lost, Open')
      END AS detail
    FROM (
      SELECT source_row, field, means,
        CASE WHEN field IS NULL OR field = '' THEN 1
          WHEN field_key NOT IN ('channel', 'outcome', 'dealstatus') THEN 2
          WHEN value_key = '' OR means_name_key = '' THEN 0
          WHEN field_key = 'outcome' AND means_key NOT IN ('qualified', 'notqualifiedcompanysize', 'notqualifiedrole', 'notqualifiedbudget', 'noshow', 'rescheduledpending', 'ignore') THEN 3
          WHEN field_key = 'dealstatus' AND means_key NOT IN ('won', 'lost', 'open') THEN 4
          ELSE 0 END AS kind
      FROM mapping_rows
    ) AS m
    WHERE kind > 0
    ) AS mp
    UNION ALL
    SELECT 0 AS src, problem_row, problem_kind AS kind, raw,
      CASE problem_kind
        WHEN 1 THEN ('channel is blank beside spend ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', fill in its channel, or clear the row')
        WHEN 2 THEN ('spend is blank for channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '", fill in its spend (0 if none), or clear the row')
        ELSE CASE WHEN (NOT (IS_INF(problem_amount) OR IS_NAN(problem_amount))) THEN ('spend ' || FORMAT('%.12g', problem_amount) || ' is negative, enter 0 or more')
          ELSE ('spend is ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', enter a finite number') END
      END AS detail
    FROM spend_groups WHERE problem_kind IS NOT NULL
    UNION ALL
    SELECT 0, g.first_row, 3, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM spend_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
    UNION ALL
    SELECT 0, first_row, 4, raw, ('day is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'cpqm_trend') AS STRING), 'blank') || ' report needs the date of every row')
    FROM spend_groups WHERE raw <> '' AND `funnel_math.funnel_period_unit`(period, 'cpqm_trend') IS NOT NULL AND start IS NULL
    UNION ALL
    SELECT 0, g.first_row, 1006, g.raw,
      ('spend is in two currencies: ' || IFNULL(CAST(CASE WHEN c.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(c.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN c.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(c.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' is in ' || IFNULL(CAST(c.currency AS STRING), 'blank') || ' and ' || IFNULL(CAST(CASE WHEN g.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(g.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN g.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' in ' || IFNULL(CAST(g.currency AS STRING), 'blank') || '; amounts in different currencies are never added, so pass them in one currency')
    FROM spend_groups AS g CROSS JOIN spend_currency AS c WHERE g.currency <> c.currency
    UNION ALL
    SELECT 1, totals_row, 1, raw, ('outcome "' || IFNULL(CAST(totals_label AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM meeting_groups WHERE totals_label IS NOT NULL
    UNION ALL
    SELECT 1, g.first_row, 2, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM meeting_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE g.counted > 0 AND r.is_totals
    UNION ALL
    SELECT 1, first_row, 3, raw, ('day is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'cpqm_trend') AS STRING), 'blank') || ' report needs the date of every row')
    FROM meeting_groups WHERE counted > 0 AND `funnel_math.funnel_period_unit`(period, 'cpqm_trend') IS NOT NULL AND start IS NULL
  ),
  first_problem AS (
    SELECT src, problem_row, kind, raw, detail, place, (IFNULL(CAST(place AS STRING), 'blank') || ': ' || IFNULL(CAST(detail AS STRING), 'blank')) AS message
    FROM (
      SELECT *, CASE WHEN kind >= 1000 THEN 'cpqm_trend' ELSE ('cpqm_trend: ' || IFNULL(CAST(CASE WHEN src = -1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_mapping') ELSE ('a funnel_mapping row of field "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 0 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_spend') WHEN raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_meetings') WHEN raw IS NULL THEN 'a funnel_meetings row without a channel' ELSE ('a funnel_meetings row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END END AS STRING), 'blank')) END AS place
      FROM problems
    ) AS p
    ORDER BY src, problem_row NULLS LAST, MOD(kind, 1000), raw NULLS FIRST
    LIMIT 1
  ),
  checked AS (
    SELECT CASE WHEN COUNT(*) = 0 THEN TRUE ELSE ERROR(MAX(message)) END AS ok FROM first_problem
  ),
  pieces AS (
    SELECT 0 AS src, g.raw, COALESCE(r.key, '') AS key, COALESCE(r.name, '') AS name, g.start, g.first_row,
      COALESCE(g.spend, 0) AS spend, 0 AS booked, 0 AS held, 0 AS no_shows, 0 AS qualified, 0 AS pending, 0 AS unrecognised
    FROM spend_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
    WHERE g.raw <> '' OR g.problem_kind IS NOT NULL
    UNION ALL
    SELECT 1, g.raw, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.key END, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.name END, g.start, g.first_row,
      0, g.booked, g.held, g.no_shows, g.qualified, g.pending, g.unrecognised
    FROM (SELECT * FROM meeting_groups WHERE counted > 0) AS g LEFT JOIN raws AS r ON r.raw = g.raw
  ),
  spellings AS (
    SELECT key, name, src, MIN(first_row) AS first_row
    FROM pieces
    GROUP BY key, name, src
  ),
  channels AS (
    SELECT key, name, ROW_NUMBER() OVER (ORDER BY src, first_row NULLS LAST, key) AS channel_rank
    FROM (
      SELECT key, name, src, first_row,
        ROW_NUMBER() OVER (PARTITION BY key ORDER BY src, first_row NULLS LAST, name) AS k
      FROM spellings
    ) AS s
    WHERE k = 1
  ),
  by_channel AS (
    SELECT key, start, SUM(spend) AS spend, CAST(SUM(booked) AS INT64) AS booked, CAST(SUM(held) AS INT64) AS held, CAST(SUM(no_shows) AS INT64) AS no_shows, CAST(SUM(qualified) AS INT64) AS qualified, CAST(SUM(pending) AS INT64) AS pending, CAST(SUM(unrecognised) AS INT64) AS unrecognised
    FROM pieces
    GROUP BY key, start
  ),
  totals AS (
    SELECT 1 AS section, c.channel_rank, c.name, b.start, b.spend, b.booked, b.held, b.no_shows, b.qualified, b.pending, b.unrecognised
    FROM by_channel AS b JOIN channels AS c ON c.key = b.key
    UNION ALL
    SELECT 2, 0, 'All channels', start, SUM(spend), SUM(booked), SUM(held), SUM(no_shows), SUM(qualified), SUM(pending), SUM(unrecognised)
    FROM by_channel WHERE `funnel_math.funnel_period_unit`(period, 'cpqm_trend') IS NOT NULL
    GROUP BY start
    UNION ALL
    SELECT 3, 0, 'All channels', CAST(NULL AS DATE), SUM(spend), SUM(booked), SUM(held), SUM(no_shows), SUM(qualified), SUM(pending), SUM(unrecognised)
    FROM by_channel
    HAVING COUNT(*) > 0
  ),
  trend_checked AS (
    -- Problems in the rows first, then the period, as the sheet checks them; no rows, no trend.
    SELECT CASE WHEN NOT (SELECT ok FROM checked) THEN FALSE
      WHEN `funnel_math.funnel_period_unit`(period, 'cpqm_trend') IS NULL AND (SELECT COUNT(*) FROM totals) > 0 THEN ERROR('cpqm_trend: period is blank; a trend needs one: week, month, quarter, year')
      ELSE TRUE END AS ok
  ),
  trend_periods AS (
    SELECT DISTINCT start FROM totals WHERE section = 2
  ),
  trend_channels AS (
    SELECT 0 AS channel_rank, 'All channels' AS name
    UNION ALL
    SELECT channel_rank, name FROM channels
  )
  SELECT
    `funnel_math.funnel_period_label`(`funnel_math.funnel_period_unit`(period, 'cpqm_trend'), p.start) AS period,
    c.name AS channel,
    CAST(CASE WHEN t.spend > 0 AND t.qualified > 0 THEN IEEE_DIVIDE(t.spend, NULLIF(t.qualified, 0)) END AS FLOAT64) AS cpqm
  FROM trend_periods AS p
  CROSS JOIN trend_channels AS c
  LEFT JOIN totals AS t ON t.section < 3 AND t.start = p.start AND t.channel_rank = c.channel_rank
  CROSS JOIN trend_checked
  WHERE trend_checked.ok
  ORDER BY p.start, c.channel_rank
);

-- The funnel from CRM records: one row per channel (and period) and stage, in funnel order, then All channels
-- per period, then All channels overall: records that reached the stage, cost per record, and the ratio to
-- the stage before. Reads funnel_spend and funnel_records(channel, created, lead, marketing_qualified_lead, sales_qualified_lead, opportunity, customer, source_row),
-- one row per record, a date column per stage (Created, Lead, Marketing Qualified Lead, Sales Qualified Lead, Opportunity, Customer), NULL where not reached.
-- period: NULL or empty for none, week, month, quarter or year. view: activity (NULL) or cohort.
CREATE OR REPLACE TABLE FUNCTION `funnel_math.funnel_report`(period STRING, view STRING)
AS (
  WITH
  mapping_rows AS (
    SELECT source_row, field, means, `funnel_math.funnel_label_key`(field) AS field_key, `funnel_math.funnel_channel_key`(value) AS value_key,
      `funnel_math.funnel_label_key`(means) AS means_key, `funnel_math.funnel_channel_key`(means) AS means_name_key,
      ROW_NUMBER() OVER (ORDER BY source_row NULLS LAST, field, value, means) AS place
    FROM (
      SELECT CAST(field AS STRING) AS field, CAST(value AS STRING) AS value,
        CAST(means AS STRING) AS means, CAST(source_row AS INT64) AS source_row
      FROM (SELECT field, value, means, source_row FROM `funnel_math.funnel_mapping`)
    ) AS v
    -- A row with a blank Value or Means is skipped, as in the sheet.
    WHERE value IS NOT NULL AND value <> '' AND means IS NOT NULL AND means <> ''
  ),
  mapping AS (
    SELECT field_key, place, means, means_key, value_key, STRPOS(value_key, '*') > 0 AS is_pattern,
      REPLACE(REGEXP_REPLACE(value_key, r'[.+?^$(){}|\[\]\\]', '\\\\\\0'), '*', '.*') AS pattern
    FROM mapping_rows
    WHERE field_key IN ('channel', 'outcome', 'dealstatus') AND value_key <> '' AND means_name_key <> ''
  ),
  spend_rows AS (
    SELECT raw, amount, source_row, currency, `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'funnel_report'), day) AS start,
      -- What the sheet would say about the row, in its order: 0 fine (or a blank row), 1 spend without
      -- a channel, 2 a channel without spend, 5 spend not a finite amount ≥ 0 (3 totals rows and 4 missing
      -- days are found per channel and period below).
      CASE WHEN raw <> '' AND amount >= 0 AND (NOT (IS_INF(amount) OR IS_NAN(amount))) THEN 0
        WHEN raw IS NULL OR raw = '' THEN CASE WHEN amount IS NULL THEN 0 ELSE 1 END
        WHEN amount IS NULL THEN 2
        ELSE 5 END AS problem
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(spend AS FLOAT64) AS amount,
        CAST(day AS DATE) AS day, CAST(source_row AS INT64) AS source_row,
        CAST(currency AS STRING) AS currency
      FROM (SELECT channel, spend, day, source_row, currency FROM `funnel_math.funnel_spend`)
    ) AS v
  ),
  spend_groups AS (
    SELECT raw, start, currency, spend, first_row,
      CASE WHEN first_row IS NULL THEN NULL ELSE DIV(first_problem, 8) END AS problem_row,
      MOD(first_problem, 8) AS problem_kind, problem_amount
    FROM (
      SELECT raw, start, currency,
        SUM(amount) AS spend,
        MIN(source_row) AS first_row,
        -- The first problem row and its kind in one aggregate: row * 8 + kind.
        MIN(CASE WHEN problem > 0 THEN COALESCE(source_row, 0) * 8 + problem END) AS first_problem,
        ARRAY_AGG(IF(problem > 0, amount, NULL) IGNORE NULLS ORDER BY source_row NULLS LAST, amount LIMIT 1)[SAFE_OFFSET(0)] AS problem_amount
      FROM spend_rows
      -- A group per currency, nearly always one, so the first row of each currency is known.
      GROUP BY raw, start, currency
    ) AS a
  ),
  spend_currency AS (
    SELECT currency, first_row, raw FROM spend_groups WHERE currency IS NOT NULL
    ORDER BY first_row NULLS LAST, raw, currency LIMIT 1
  ),
  stages AS (
    -- The stages in funnel order, as the function was generated for them.
    SELECT 1 AS pos, 'Created' AS stage
    UNION ALL SELECT 2 AS pos, 'Lead' AS stage
    UNION ALL SELECT 3 AS pos, 'Marketing Qualified Lead' AS stage
    UNION ALL SELECT 4 AS pos, 'Sales Qualified Lead' AS stage
    UNION ALL SELECT 5 AS pos, 'Opportunity' AS stage
    UNION ALL SELECT 6 AS pos, 'Customer' AS stage
  ),
  record_rows AS (
    -- Per record, the day it reached each stage: its own date there or, where it skipped the stage,
    -- the date of the next one it reached. The first is the day it entered, its cohort; a record with
    -- no date is counted nowhere.
    SELECT raw, source_row, reached_1, reached_2, reached_3, reached_4, reached_5, reached_6
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(source_row AS INT64) AS source_row,
        COALESCE(CAST(created AS DATE), CAST(lead AS DATE), CAST(marketing_qualified_lead AS DATE), CAST(sales_qualified_lead AS DATE), CAST(opportunity AS DATE), CAST(customer AS DATE)) AS reached_1,
        COALESCE(CAST(lead AS DATE), CAST(marketing_qualified_lead AS DATE), CAST(sales_qualified_lead AS DATE), CAST(opportunity AS DATE), CAST(customer AS DATE)) AS reached_2,
        COALESCE(CAST(marketing_qualified_lead AS DATE), CAST(sales_qualified_lead AS DATE), CAST(opportunity AS DATE), CAST(customer AS DATE)) AS reached_3,
        COALESCE(CAST(sales_qualified_lead AS DATE), CAST(opportunity AS DATE), CAST(customer AS DATE)) AS reached_4,
        COALESCE(CAST(opportunity AS DATE), CAST(customer AS DATE)) AS reached_5,
        COALESCE(CAST(customer AS DATE)) AS reached_6
      FROM (SELECT channel, created, lead, marketing_qualified_lead, sales_qualified_lead, opportunity, customer, source_row FROM `funnel_math.funnel_records`) AS v
    ) AS r
    WHERE reached_1 IS NOT NULL
  ),
  record_groups AS (
    -- Records counted per channel spelling and period, a count per stage: each record and stage it
    -- reached is a row, in the period of that stage (activity) or of the record's entry (cohort).
    SELECT raw, start, MIN(source_row) AS first_row,
      COUNTIF(pos = 1) AS n_1, COUNTIF(pos = 2) AS n_2, COUNTIF(pos = 3) AS n_3, COUNTIF(pos = 4) AS n_4, COUNTIF(pos = 5) AS n_5, COUNTIF(pos = 6) AS n_6
    FROM (
      SELECT r.raw, r.source_row, s.pos,
        `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'funnel_report'), CASE WHEN `funnel_math.funnel_view`(view, 'funnel_report') = 'cohort' THEN r.reached_1 ELSE CASE s.pos WHEN 1 THEN r.reached_1 WHEN 2 THEN r.reached_2 WHEN 3 THEN r.reached_3 WHEN 4 THEN r.reached_4 WHEN 5 THEN r.reached_5 WHEN 6 THEN r.reached_6 END END) AS start
      FROM record_rows AS r CROSS JOIN stages AS s
      WHERE CASE s.pos WHEN 1 THEN r.reached_1 WHEN 2 THEN r.reached_2 WHEN 3 THEN r.reached_3 WHEN 4 THEN r.reached_4 WHEN 5 THEN r.reached_5 WHEN 6 THEN r.reached_6 END IS NOT NULL
    ) AS c
    GROUP BY raw, start
  ),
  spellings_met AS (
    SELECT raw FROM spend_groups WHERE raw <> '' UNION DISTINCT SELECT raw FROM record_groups WHERE raw <> ''
  ),
  raws AS (
    SELECT d.raw, `funnel_math.funnel_channel_key`(COALESCE(m.means, d.raw)) AS key,
      `funnel_math.funnel_channel_name`(COALESCE(m.means, d.raw)) AS name, `funnel_math.funnel_is_totals`(d.raw) AS is_totals
    FROM spellings_met AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT raw AS item, `funnel_math.funnel_channel_key`(raw) AS key FROM spellings_met) AS d JOIN mapping AS m ON m.field_key = 'channel'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.raw
  ),
  problems AS (
    -- Besides the mapping table's and the spend's: a totals row as a reached record's channel.
    SELECT -1 AS src, problem_row, kind, raw, detail FROM (
    SELECT source_row AS problem_row, kind, field AS raw,
      CASE kind
        WHEN 1 THEN 'the field is blank; use channel, outcome or deal status'
        WHEN 2 THEN ('field "' || IFNULL(CAST(field AS STRING), 'blank') || '" is not a field; use channel, outcome or deal status')
        WHEN 3 THEN ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something an outcome can mean; use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, Ignore')
        ELSE ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something a deal status can mean; use one of: Won, Lost, Open')
      END AS detail
    FROM (
      SELECT source_row, field, means,
        CASE WHEN field IS NULL OR field = '' THEN 1
          WHEN field_key NOT IN ('channel', 'outcome', 'dealstatus') THEN 2
          WHEN value_key = '' OR means_name_key = '' THEN 0
          WHEN field_key = 'outcome' AND means_key NOT IN ('qualified', 'notqualifiedcompanysize', 'notqualifiedrole', 'notqualifiedbudget', 'noshow', 'rescheduledpending', 'ignore') THEN 3
          WHEN field_key = 'dealstatus' AND means_key NOT IN ('won', 'lost', 'open') THEN 4
          ELSE 0 END AS kind
      FROM mapping_rows
    ) AS m
    WHERE kind > 0
    ) AS mp
    UNION ALL
    SELECT 0 AS src, problem_row, problem_kind AS kind, raw,
      CASE problem_kind
        WHEN 1 THEN ('channel is blank beside spend ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', fill in its channel, or clear the row')
        WHEN 2 THEN ('spend is blank for channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '", fill in its spend (0 if none), or clear the row')
        ELSE CASE WHEN (NOT (IS_INF(problem_amount) OR IS_NAN(problem_amount))) THEN ('spend ' || FORMAT('%.12g', problem_amount) || ' is negative, enter 0 or more')
          ELSE ('spend is ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', enter a finite number') END
      END AS detail
    FROM spend_groups WHERE problem_kind IS NOT NULL
    UNION ALL
    SELECT 0, g.first_row, 3, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM spend_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
    UNION ALL
    SELECT 0, first_row, 4, raw, ('day is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'funnel_report') AS STRING), 'blank') || ' report needs the date of every row')
    FROM spend_groups WHERE raw <> '' AND `funnel_math.funnel_period_unit`(period, 'funnel_report') IS NOT NULL AND start IS NULL
    UNION ALL
    SELECT 0, g.first_row, 1006, g.raw,
      ('spend is in two currencies: ' || IFNULL(CAST(CASE WHEN c.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(c.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN c.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(c.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' is in ' || IFNULL(CAST(c.currency AS STRING), 'blank') || ' and ' || IFNULL(CAST(CASE WHEN g.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(g.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN g.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' in ' || IFNULL(CAST(g.currency AS STRING), 'blank') || '; amounts in different currencies are never added, so pass them in one currency')
    FROM spend_groups AS g CROSS JOIN spend_currency AS c WHERE g.currency <> c.currency
    UNION ALL
    SELECT 1, g.first_row, 3, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM record_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
  ),
  first_problem AS (
    SELECT src, problem_row, kind, raw, detail, place, (IFNULL(CAST(place AS STRING), 'blank') || ': ' || IFNULL(CAST(detail AS STRING), 'blank')) AS message
    FROM (
      SELECT *, CASE WHEN kind >= 1000 THEN 'funnel_report' ELSE ('funnel_report: ' || IFNULL(CAST(CASE WHEN src = -1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_mapping') ELSE ('a funnel_mapping row of field "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 0 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_spend') WHEN raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_records') WHEN raw IS NULL THEN 'a funnel_records row without a channel' ELSE ('a funnel_records row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END END AS STRING), 'blank')) END AS place
      FROM problems
    ) AS p
    ORDER BY src, problem_row NULLS LAST, MOD(kind, 1000), raw NULLS FIRST
    LIMIT 1
  ),
  checked AS (
    SELECT CASE WHEN COUNT(*) = 0 THEN TRUE ELSE ERROR(MAX(message)) END AS ok FROM first_problem
  ),
  pieces AS (
    SELECT 0 AS src, g.raw, COALESCE(r.key, '') AS key, COALESCE(r.name, '') AS name, g.start, g.first_row,
      CAST(COALESCE(g.spend, 0) AS FLOAT64) AS spend, CAST(0 AS INT64) AS n_1, CAST(0 AS INT64) AS n_2, CAST(0 AS INT64) AS n_3, CAST(0 AS INT64) AS n_4, CAST(0 AS INT64) AS n_5, CAST(0 AS INT64) AS n_6
    FROM spend_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
    WHERE g.raw <> '' OR g.problem_kind IS NOT NULL
    UNION ALL
    SELECT 1, g.raw, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.key END, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.name END, g.start, g.first_row,
      CAST(0 AS FLOAT64), g.n_1, g.n_2, g.n_3, g.n_4, g.n_5, g.n_6
    FROM record_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
  ),
  spellings AS (
    SELECT key, name, src, MIN(first_row) AS first_row
    FROM pieces
    GROUP BY key, name, src
  ),
  channels AS (
    SELECT key, name, ROW_NUMBER() OVER (ORDER BY src, first_row NULLS LAST, key) AS channel_rank
    FROM (
      SELECT key, name, src, first_row,
        ROW_NUMBER() OVER (PARTITION BY key ORDER BY src, first_row NULLS LAST, name) AS k
      FROM spellings
    ) AS s
    WHERE k = 1
  ),
  by_channel AS (
    SELECT key, start, SUM(spend) AS spend, SUM(n_1) AS n_1, SUM(n_2) AS n_2, SUM(n_3) AS n_3, SUM(n_4) AS n_4, SUM(n_5) AS n_5, SUM(n_6) AS n_6
    FROM pieces
    GROUP BY key, start
  ),
  totals AS (
    SELECT 1 AS section, c.channel_rank, c.name, b.start, b.spend, b.n_1, b.n_2, b.n_3, b.n_4, b.n_5, b.n_6
    FROM by_channel AS b JOIN channels AS c ON c.key = b.key
    UNION ALL
    SELECT 2, 0, 'All channels', start, SUM(spend), SUM(n_1), SUM(n_2), SUM(n_3), SUM(n_4), SUM(n_5), SUM(n_6)
    FROM by_channel WHERE `funnel_math.funnel_period_unit`(period, 'funnel_report') IS NOT NULL
    GROUP BY start
    UNION ALL
    SELECT 3, 0, 'All channels', CAST(NULL AS DATE), SUM(spend), SUM(n_1), SUM(n_2), SUM(n_3), SUM(n_4), SUM(n_5), SUM(n_6)
    FROM by_channel
    HAVING COUNT(*) > 0
  ),
  lines AS (
    SELECT section, channel_rank, name, COALESCE(CASE WHEN section = 3 THEN CASE WHEN `funnel_math.funnel_period_unit`(period, 'funnel_report') IS NULL THEN NULL ELSE 'All' END ELSE `funnel_math.funnel_period_label`(`funnel_math.funnel_period_unit`(period, 'funnel_report'), start) END, '') AS label,
      spend, n_1, n_2, n_3, n_4, n_5, n_6
    FROM totals
    UNION ALL
    -- The All channels row overall is shown even with nothing to count, as the sheet shows it.
    SELECT 3, 0, 'All channels', CASE WHEN `funnel_math.funnel_period_unit`(period, 'funnel_report') IS NULL THEN '' ELSE 'All' END,
      0, 0, 0, 0, 0, 0, 0
    FROM (SELECT COUNT(*) AS overall FROM totals WHERE section = 3) AS t
    WHERE t.overall = 0
  ),
  stage_lines AS (
    -- Each line once per stage, with the records of the stage and of the one before it.
    SELECT l.section, l.channel_rank, l.name, l.label, l.spend, s.pos, s.stage,
      CAST(CASE s.pos WHEN 1 THEN l.n_1 WHEN 2 THEN l.n_2 WHEN 3 THEN l.n_3 WHEN 4 THEN l.n_4 WHEN 5 THEN l.n_5 WHEN 6 THEN l.n_6 END AS FLOAT64) AS records,
      CAST(CASE s.pos WHEN 1 THEN NULL WHEN 2 THEN l.n_1 WHEN 3 THEN l.n_2 WHEN 4 THEN l.n_3 WHEN 5 THEN l.n_4 WHEN 6 THEN l.n_5 END AS FLOAT64) AS previous
    FROM lines AS l CROSS JOIN stages AS s
  )
  SELECT
    name AS channel,
    NULLIF(label, '') AS period,
    stage,
    CAST(spend AS FLOAT64) AS spend,
    CAST(records AS INT64) AS records,
    IEEE_DIVIDE(spend, NULLIF(records, 0)) AS cost_per_record,
    CASE WHEN pos = 1 THEN NULL ELSE IEEE_DIVIDE(records, NULLIF(previous, 0)) END AS from_previous
  FROM stage_lines
  CROSS JOIN checked
  WHERE checked.ok
  ORDER BY section, channel_rank, label, pos
);

-- What the spend brought back, from CRM deals: one row per channel (and period), then All channels per period,
-- then All channels overall. Reads funnel_spend and funnel_deals(channel, amount, created, closed, status [, source_row]),
-- amount as money text (one currency), status the deal stage. In BigQuery the views list source_row, NULL where rows have no order.
-- period: NULL or empty for none, week, month, quarter or year. view: activity (NULL) or cohort.
CREATE OR REPLACE TABLE FUNCTION `funnel_math.deals_report`(period STRING, view STRING)
AS (
  WITH
  mapping_rows AS (
    SELECT source_row, field, means, `funnel_math.funnel_label_key`(field) AS field_key, `funnel_math.funnel_channel_key`(value) AS value_key,
      `funnel_math.funnel_label_key`(means) AS means_key, `funnel_math.funnel_channel_key`(means) AS means_name_key,
      ROW_NUMBER() OVER (ORDER BY source_row NULLS LAST, field, value, means) AS place
    FROM (
      SELECT CAST(field AS STRING) AS field, CAST(value AS STRING) AS value,
        CAST(means AS STRING) AS means, CAST(source_row AS INT64) AS source_row
      FROM (SELECT field, value, means, source_row FROM `funnel_math.funnel_mapping`)
    ) AS v
    -- A row with a blank Value or Means is skipped, as in the sheet.
    WHERE value IS NOT NULL AND value <> '' AND means IS NOT NULL AND means <> ''
  ),
  mapping AS (
    SELECT field_key, place, means, means_key, value_key, STRPOS(value_key, '*') > 0 AS is_pattern,
      REPLACE(REGEXP_REPLACE(value_key, r'[.+?^$(){}|\[\]\\]', '\\\\\\0'), '*', '.*') AS pattern
    FROM mapping_rows
    WHERE field_key IN ('channel', 'outcome', 'dealstatus') AND value_key <> '' AND means_name_key <> ''
  ),
  spend_rows AS (
    SELECT raw, amount, source_row, currency, `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'deals_report'), day) AS start,
      -- What the sheet would say about the row, in its order: 0 fine (or a blank row), 1 spend without
      -- a channel, 2 a channel without spend, 5 spend not a finite amount ≥ 0 (3 totals rows and 4 missing
      -- days are found per channel and period below).
      CASE WHEN raw <> '' AND amount >= 0 AND (NOT (IS_INF(amount) OR IS_NAN(amount))) THEN 0
        WHEN raw IS NULL OR raw = '' THEN CASE WHEN amount IS NULL THEN 0 ELSE 1 END
        WHEN amount IS NULL THEN 2
        ELSE 5 END AS problem
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(spend AS FLOAT64) AS amount,
        CAST(day AS DATE) AS day, CAST(source_row AS INT64) AS source_row,
        CAST(currency AS STRING) AS currency
      FROM (SELECT channel, spend, day, source_row, currency FROM `funnel_math.funnel_spend`)
    ) AS v
  ),
  spend_groups AS (
    SELECT raw, start, currency, spend, first_row,
      CASE WHEN first_row IS NULL THEN NULL ELSE DIV(first_problem, 8) END AS problem_row,
      MOD(first_problem, 8) AS problem_kind, problem_amount
    FROM (
      SELECT raw, start, currency,
        SUM(amount) AS spend,
        MIN(source_row) AS first_row,
        -- The first problem row and its kind in one aggregate: row * 8 + kind.
        MIN(CASE WHEN problem > 0 THEN COALESCE(source_row, 0) * 8 + problem END) AS first_problem,
        ARRAY_AGG(IF(problem > 0, amount, NULL) IGNORE NULLS ORDER BY source_row NULLS LAST, amount LIMIT 1)[SAFE_OFFSET(0)] AS problem_amount
      FROM spend_rows
      -- A group per currency, nearly always one, so the first row of each currency is known.
      GROUP BY raw, start, currency
    ) AS a
  ),
  spend_currency AS (
    SELECT currency, first_row, raw FROM spend_groups WHERE currency IS NOT NULL
    ORDER BY first_row NULLS LAST, raw, currency LIMIT 1
  ),
  deal_rows AS (
    SELECT *
    FROM (
      SELECT CAST(channel AS STRING) AS raw, CAST(amount AS STRING) AS amount,
        CAST(created AS DATE) AS created, CAST(closed AS DATE) AS closed,
        CAST(status AS STRING) AS status, CAST(source_row AS INT64) AS source_row
      FROM (SELECT channel, amount, created, closed, status, source_row FROM `funnel_math.funnel_deals`)
    ) AS v
    -- A row with all five cells blank is skipped, as in the sheet.
    WHERE NOT ((raw IS NULL OR raw = '') AND (amount IS NULL OR amount = '') AND created IS NULL AND closed IS NULL AND (status IS NULL OR status = ''))
  ),
  statuses AS (
    -- Per distinct status: FALSE refused, blank open, then the mapping table's deal status rows,
    -- then the known spellings; anything else is open.
    SELECT d.status, `funnel_math.funnel_is_totals`(d.status) AS is_totals,
      UPPER(TRIM(d.status)) = 'FALSE' AS is_false,
      CASE WHEN (d.status IS NULL OR d.status = '') THEN 'open'
        ELSE COALESCE(`funnel_math.funnel_deal_status`(m.means), `funnel_math.funnel_deal_status`(d.status), 'open') END AS meaning
    FROM (SELECT DISTINCT COALESCE(status, '') AS status FROM deal_rows) AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT status AS item, `funnel_math.funnel_channel_key`(status) AS key FROM (SELECT DISTINCT status FROM deal_rows WHERE status <> '') AS u) AS d JOIN mapping AS m ON m.field_key = 'dealstatus'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.status
  ),
  amounts AS (
    -- Per distinct amount text, not per row: reading it takes regular expressions, and exports
    -- repeat round amounts.
    -- A totals row is never a readable amount, so only the unreadable ones are asked whether they are one.
    SELECT amount, NOT readable AND `funnel_math.funnel_is_totals`(amount) AS is_totals, readable,
      CASE WHEN readable THEN `funnel_math.funnel_amount`(amount, 'amount') END AS value,
      `funnel_math.funnel_currency`(amount) AS currency
    FROM (
      SELECT amount, `funnel_math.funnel_amount_ok`(amount) AS readable
      FROM (SELECT DISTINCT COALESCE(amount, '') AS amount FROM deal_rows) AS d
    ) AS r
  ),
  deals AS (
    SELECT d.raw, d.amount, d.created, d.closed, d.status, d.source_row, a.currency, s.meaning, s.is_totals AS status_is_totals,
      s.is_false AS status_is_false, a.is_totals AS amount_is_totals, a.readable, a.value,
      `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'deals_report'), d.created) AS opened,
      `funnel_math.funnel_period_start`(`funnel_math.funnel_period_unit`(period, 'deals_report'), CASE WHEN `funnel_math.funnel_view`(view, 'deals_report') = 'cohort' THEN d.created ELSE d.closed END) AS done
    FROM deal_rows AS d JOIN statuses AS s ON s.status = COALESCE(d.status, '')
    JOIN amounts AS a ON a.amount = COALESCE(d.amount, '')
  ),
  deal_groups AS (
    SELECT raw, start, MIN(first_row) AS first_row, CAST(SUM(opportunities) AS INT64) AS opportunities, SUM(pipeline) AS pipeline,
      CAST(SUM(won) AS INT64) AS won, CAST(SUM(lost) AS INT64) AS lost, CAST(SUM(open) AS INT64) AS open, SUM(revenue) AS revenue
    FROM (
      -- A deal counts where it was created; its close where it closed (cohort: where it was created).
      SELECT raw, opened AS start, source_row AS first_row, 1 AS opportunities, value AS pipeline, 0 AS won, 0 AS lost,
        CASE WHEN meaning = 'open' THEN 1 ELSE 0 END AS open, CAST(0 AS FLOAT64) AS revenue
      FROM deals
      UNION ALL
      SELECT raw, done, source_row, 0, 0, CASE WHEN meaning = 'won' THEN 1 ELSE 0 END, CASE WHEN meaning = 'lost' THEN 1 ELSE 0 END,
        0, CASE WHEN meaning = 'won' THEN value ELSE 0 END
      FROM deals WHERE NOT meaning = 'open'
    ) AS p
    GROUP BY raw, start
  ),
  spellings_met AS (
    SELECT raw FROM spend_groups WHERE raw <> '' UNION DISTINCT SELECT raw FROM deal_groups WHERE raw <> ''
  ),
  raws AS (
    SELECT d.raw, `funnel_math.funnel_channel_key`(COALESCE(m.means, d.raw)) AS key,
      `funnel_math.funnel_channel_name`(COALESCE(m.means, d.raw)) AS name, `funnel_math.funnel_is_totals`(d.raw) AS is_totals
    FROM spellings_met AS d
    LEFT JOIN (SELECT item, means, means_key FROM (
      SELECT d.item, m.means, m.means_key, ROW_NUMBER() OVER (PARTITION BY d.item ORDER BY m.place) AS k
      FROM (SELECT raw AS item, `funnel_math.funnel_channel_key`(raw) AS key FROM spellings_met) AS d JOIN mapping AS m ON m.field_key = 'channel'
        AND ((NOT m.is_pattern AND m.value_key = d.key) OR (m.is_pattern AND REGEXP_CONTAINS(d.key, CONCAT('^(?s:', m.pattern, ')$'))))
    ) AS x WHERE k = 1) AS m
      ON m.item = d.raw
  ),
  first_currency AS (
    SELECT currency, source_row, raw FROM deals WHERE currency IS NOT NULL
    ORDER BY source_row NULLS LAST, raw, currency LIMIT 1
  ),
  problems AS (
    -- Kinds in the order the sheet checks a deal: 1 a totals row as amount, 2 no amount, 3 an amount
    -- it cannot read, 4 a negative one, 5 a second currency, 6 a totals row as status, 7 FALSE as
    -- status, 8 a closed deal without its close date, 9 a totals row as channel, 10 no created date.
    SELECT -1 AS src, problem_row, kind, raw, detail FROM (
    SELECT source_row AS problem_row, kind, field AS raw,
      CASE kind
        WHEN 1 THEN 'the field is blank; use channel, outcome or deal status'
        WHEN 2 THEN ('field "' || IFNULL(CAST(field AS STRING), 'blank') || '" is not a field; use channel, outcome or deal status')
        WHEN 3 THEN ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something an outcome can mean; use one of: Qualified, Not qualified – company size, Not qualified – role, Not qualified – budget, No show, Rescheduled – pending, Ignore')
        ELSE ('"' || IFNULL(CAST(means AS STRING), 'blank') || '" is not something a deal status can mean; use one of: Won, Lost, Open')
      END AS detail
    FROM (
      SELECT source_row, field, means,
        CASE WHEN field IS NULL OR field = '' THEN 1
          WHEN field_key NOT IN ('channel', 'outcome', 'dealstatus') THEN 2
          WHEN value_key = '' OR means_name_key = '' THEN 0
          WHEN field_key = 'outcome' AND means_key NOT IN ('qualified', 'notqualifiedcompanysize', 'notqualifiedrole', 'notqualifiedbudget', 'noshow', 'rescheduledpending', 'ignore') THEN 3
          WHEN field_key = 'dealstatus' AND means_key NOT IN ('won', 'lost', 'open') THEN 4
          ELSE 0 END AS kind
      FROM mapping_rows
    ) AS m
    WHERE kind > 0
    ) AS mp
    UNION ALL
    SELECT 0 AS src, problem_row, problem_kind AS kind, raw,
      CASE problem_kind
        WHEN 1 THEN ('channel is blank beside spend ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', fill in its channel, or clear the row')
        WHEN 2 THEN ('spend is blank for channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '", fill in its spend (0 if none), or clear the row')
        ELSE CASE WHEN (NOT (IS_INF(problem_amount) OR IS_NAN(problem_amount))) THEN ('spend ' || FORMAT('%.12g', problem_amount) || ' is negative, enter 0 or more')
          ELSE ('spend is ' || CASE WHEN IS_NAN(problem_amount) THEN 'NaN' WHEN IS_INF(problem_amount) THEN IF(problem_amount > 0, 'Infinity', '-Infinity') ELSE FORMAT('%.12g', problem_amount) END || ', enter a finite number') END
      END AS detail
    FROM spend_groups WHERE problem_kind IS NOT NULL
    UNION ALL
    SELECT 0, g.first_row, 3, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM spend_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
    UNION ALL
    SELECT 0, first_row, 4, raw, ('day is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'deals_report') AS STRING), 'blank') || ' report needs the date of every row')
    FROM spend_groups WHERE raw <> '' AND `funnel_math.funnel_period_unit`(period, 'deals_report') IS NOT NULL AND start IS NULL
    UNION ALL
    SELECT 0, g.first_row, 1006, g.raw,
      ('spend is in two currencies: ' || IFNULL(CAST(CASE WHEN c.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(c.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN c.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(c.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' is in ' || IFNULL(CAST(c.currency AS STRING), 'blank') || ' and ' || IFNULL(CAST(CASE WHEN g.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(g.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN g.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' in ' || IFNULL(CAST(g.currency AS STRING), 'blank') || '; amounts in different currencies are never added, so pass them in one currency')
    FROM spend_groups AS g CROSS JOIN spend_currency AS c WHERE g.currency <> c.currency
    UNION ALL
    SELECT 1, source_row, kind, raw, detail FROM (
      SELECT source_row, raw,
        CASE WHEN amount_is_totals THEN 1 WHEN (amount IS NULL OR amount = '') THEN 2 WHEN NOT readable THEN 3
          WHEN NOT (value >= 0) THEN 4 WHEN status_is_totals THEN 6 WHEN status_is_false THEN 7
          WHEN NOT meaning = 'open' AND closed IS NULL THEN 8 WHEN `funnel_math.funnel_period_unit`(period, 'deals_report') IS NOT NULL AND created IS NULL THEN 10 END AS kind,
        CASE WHEN amount_is_totals THEN ('amount "' || IFNULL(CAST(amount AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
          WHEN (amount IS NULL OR amount = '') THEN 'amount is blank, fill in the deal amount (0 if none), or clear the row'
          -- The amount itself: funnel_amount_problem tells what is wrong with it.
          WHEN NOT readable THEN amount
          WHEN NOT (value >= 0) THEN ('amount ' || FORMAT('%.12g', value) || ' is negative, enter 0 or more')
          WHEN status_is_totals THEN ('status "' || IFNULL(CAST(status AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
          WHEN status_is_false THEN ('status "' || IFNULL(CAST(status AS STRING), 'blank') || '" cannot tell a lost deal from an open one, pass the deal stage column instead of a Won or Is Closed Won column')
          WHEN NOT meaning = 'open' AND closed IS NULL THEN ('closed is blank for a ' || IFNULL(CAST(meaning AS STRING), 'blank') || ' deal, fill in its close date')
          ELSE ('created is blank, a ' || IFNULL(CAST(`funnel_math.funnel_period_unit`(period, 'deals_report') AS STRING), 'blank') || ' report needs the date of every row') END AS detail
      FROM deals
    ) AS d WHERE kind IS NOT NULL
    UNION ALL
    SELECT 1, d.source_row, 1005, d.raw,
      ('amounts are in two currencies: ' || IFNULL(CAST(CASE WHEN c.source_row IS NOT NULL THEN ('row ' || IFNULL(CAST(c.source_row AS STRING), 'blank') || ' of funnel_deals') ELSE ('a funnel_deals row of channel "' || IFNULL(CAST(c.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' is in ' || IFNULL(CAST(c.currency AS STRING), 'blank') || ' and ' || IFNULL(CAST(CASE WHEN d.source_row IS NOT NULL THEN ('row ' || IFNULL(CAST(d.source_row AS STRING), 'blank') || ' of funnel_deals') ELSE ('a funnel_deals row of channel "' || IFNULL(CAST(d.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' in ' || IFNULL(CAST(d.currency AS STRING), 'blank') || '; amounts in different currencies are never added, so pass them in one currency (the company-currency amount column the CRM exports)')
    FROM deals AS d CROSS JOIN first_currency AS c WHERE d.currency <> c.currency
    UNION ALL
    -- Revenue against spend in another currency, once every deal is read.
    SELECT 2, NULL, 1001, NULL,
      ('spend and amounts are in two currencies: ' || IFNULL(CAST(CASE WHEN s.first_row IS NOT NULL THEN ('row ' || IFNULL(CAST(s.first_row AS STRING), 'blank') || ' of funnel_spend') WHEN s.raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(s.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' is in ' || IFNULL(CAST(s.currency AS STRING), 'blank') || ' and ' || IFNULL(CAST(CASE WHEN c.source_row IS NOT NULL THEN ('row ' || IFNULL(CAST(c.source_row AS STRING), 'blank') || ' of funnel_deals') ELSE ('a funnel_deals row of channel "' || IFNULL(CAST(c.raw AS STRING), 'blank') || '"') END AS STRING), 'blank') || ' in ' || IFNULL(CAST(c.currency AS STRING), 'blank') || '; ROAS, CAC and pipeline per spend set deal amounts against spend, so pass both in one currency')
    FROM spend_currency AS s CROSS JOIN first_currency AS c WHERE s.currency <> c.currency
    UNION ALL
    SELECT 1, g.first_row, 9, g.raw, ('channel "' || IFNULL(CAST(g.raw AS STRING), 'blank') || '" is an export\'s totals row, end the data above it or delete the row, so its figures are not counted twice')
    FROM deal_groups AS g JOIN raws AS r ON r.raw = g.raw WHERE r.is_totals
  ),
  first_problem AS (
    SELECT src, problem_row, kind, raw, detail, place, (IFNULL(CAST(place AS STRING), 'blank') || ': ' || IFNULL(CAST(detail AS STRING), 'blank')) AS message
    FROM (
      SELECT *, CASE WHEN kind >= 1000 THEN 'deals_report' ELSE ('deals_report: ' || IFNULL(CAST(CASE WHEN src = -1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_mapping') ELSE ('a funnel_mapping row of field "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 0 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_spend') WHEN raw IS NULL THEN 'a funnel_spend row without a channel' ELSE ('a funnel_spend row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END WHEN src = 1 THEN CASE WHEN problem_row IS NOT NULL THEN ('row ' || IFNULL(CAST(problem_row AS STRING), 'blank') || ' of funnel_deals') WHEN raw IS NULL THEN 'a funnel_deals row without a channel' ELSE ('a funnel_deals row of channel "' || IFNULL(CAST(raw AS STRING), 'blank') || '"') END END AS STRING), 'blank')) END AS place
      FROM problems
    ) AS p
    ORDER BY src, problem_row NULLS LAST, MOD(kind, 1000), raw NULLS FIRST
    LIMIT 1
  ),
  checked AS (
    SELECT CASE WHEN COUNT(*) = 0 THEN TRUE WHEN MAX(src) = 1 AND MAX(kind) = 3 THEN `funnel_math.funnel_amount_problem`(MAX(detail), MAX(place) || ': amount') IS NULL ELSE ERROR(MAX(message)) END AS ok FROM first_problem
  ),
  pieces AS (
    SELECT 0 AS src, g.raw, COALESCE(r.key, '') AS key, COALESCE(r.name, '') AS name, g.start, g.first_row,
      COALESCE(g.spend, 0) AS spend, 0 AS opportunities, CAST(0 AS FLOAT64) AS pipeline, 0 AS won, 0 AS lost, 0 AS open, CAST(0 AS FLOAT64) AS revenue
    FROM spend_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
    WHERE g.raw <> '' OR g.problem_kind IS NOT NULL
    UNION ALL
    SELECT 1, g.raw, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.key END, CASE WHEN g.raw IS NULL OR g.raw = '' THEN '(no channel)' ELSE r.name END, g.start, g.first_row,
      0, g.opportunities, g.pipeline, g.won, g.lost, g.open, g.revenue
    FROM deal_groups AS g LEFT JOIN raws AS r ON r.raw = g.raw
  ),
  spellings AS (
    SELECT key, name, src, MIN(first_row) AS first_row
    FROM pieces
    GROUP BY key, name, src
  ),
  channels AS (
    SELECT key, name, ROW_NUMBER() OVER (ORDER BY src, first_row NULLS LAST, key) AS channel_rank
    FROM (
      SELECT key, name, src, first_row,
        ROW_NUMBER() OVER (PARTITION BY key ORDER BY src, first_row NULLS LAST, name) AS k
      FROM spellings
    ) AS s
    WHERE k = 1
  ),
  by_channel AS (
    SELECT key, start, SUM(spend) AS spend, CAST(SUM(opportunities) AS INT64) AS opportunities, SUM(pipeline) AS pipeline,
      CAST(SUM(won) AS INT64) AS won, CAST(SUM(lost) AS INT64) AS lost, CAST(SUM(open) AS INT64) AS open, SUM(revenue) AS revenue
    FROM pieces
    GROUP BY key, start
  ),
  totals AS (
    SELECT 1 AS section, c.channel_rank, c.name, b.start, b.spend, b.opportunities, b.pipeline, b.won, b.lost, b.open, b.revenue
    FROM by_channel AS b JOIN channels AS c ON c.key = b.key
    UNION ALL
    SELECT 2, 0, 'All channels', start, SUM(spend), SUM(opportunities), SUM(pipeline), SUM(won), SUM(lost), SUM(open), SUM(revenue)
    FROM by_channel WHERE `funnel_math.funnel_period_unit`(period, 'deals_report') IS NOT NULL
    GROUP BY start
    UNION ALL
    SELECT 3, 0, 'All channels', CAST(NULL AS DATE), SUM(spend), SUM(opportunities), SUM(pipeline), SUM(won), SUM(lost), SUM(open), SUM(revenue)
    FROM by_channel
    HAVING COUNT(*) > 0
  )
  SELECT
    name AS channel,
    CASE WHEN section = 3 THEN CASE WHEN `funnel_math.funnel_period_unit`(period, 'deals_report') IS NULL THEN NULL ELSE 'All' END ELSE `funnel_math.funnel_period_label`(`funnel_math.funnel_period_unit`(period, 'deals_report'), start) END AS period,
    CAST(spend AS FLOAT64) AS spend,
    CAST(opportunities AS INT64) AS opportunities,
    CAST(pipeline AS FLOAT64) AS pipeline,
    IEEE_DIVIDE(spend, NULLIF(opportunities, 0)) AS cost_per_opportunity,
    IEEE_DIVIDE(pipeline, NULLIF(spend, 0)) AS pipeline_per_spend,
    CAST(won AS INT64) AS won,
    CAST(lost AS INT64) AS lost,
    CAST(open AS INT64) AS open,
    CAST(revenue AS FLOAT64) AS revenue,
    IEEE_DIVIDE(won, NULLIF(won + lost, 0)) AS win_rate,
    IEEE_DIVIDE(revenue, NULLIF(won, 0)) AS average_deal,
    IEEE_DIVIDE(spend, NULLIF(won, 0)) AS cac,
    IEEE_DIVIDE(revenue, NULLIF(spend, 0)) AS roas
  FROM totals CROSS JOIN checked
  WHERE checked.ok
  ORDER BY section, channel_rank, start
);
