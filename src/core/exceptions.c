#include "core/exceptions.h"

void or_exceptions_apply(or_results *results, const or_model *model)
{
	size_t i;

	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		if (e->outcome != OR_OUTCOME_FAIL || e->status != OR_FINDING_ACTIVE)
			continue;
		if (!or_model_in_change(model, e->file))
			e->status = OR_FINDING_OUTSIDE_CHANGE;
	}
}
