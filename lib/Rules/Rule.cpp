//===- Rules/Rule.cpp - A rule loaded from JSON
//----------------------------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#include "Rules/Rule.h"
