/* opsready: audit operational-readiness documents kept in git. */
#ifndef OPSREADY_H
#define OPSREADY_H

#include "opsready/common.h"
#include "opsready/compare.h"
#include "opsready/report.h"
#include "opsready/rules.h"
#include "opsready/scan.h"

#endif
