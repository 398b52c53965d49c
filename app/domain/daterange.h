#pragma once

// Convenience header: granularity, DateBucket and DateBuckets in one include.
#include "domain/datebucket.h"
#include "domain/datebuckets.h"
#include "domain/granularity.h"
