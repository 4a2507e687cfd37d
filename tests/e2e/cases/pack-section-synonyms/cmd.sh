# "Introduction" is Overview and "Verification" is Validation and Testing
# (synonyms in rules/business-continuity.yml): only the two sections that
# are really missing are reported.
"$OPSREADY" check --format text | grep -F "[docs.required-section]"
