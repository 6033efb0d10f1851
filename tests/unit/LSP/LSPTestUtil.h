//===- LSP/LSPTestUtil.h - Shared helpers for the LSP tests -----*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_LSP_TESTUTIL_H
#define CLAIMLINT_TESTS_LSP_TESTUTIL_H

#include "Engine/Workspace.h"

#include "gtest/gtest.h"

#include <memory>

namespace claimlint {
namespace lsptest {

/// The built-in packs plus tests/e2e/lsp/pack, without configs.
inline std::unique_ptr<Workspace> workspace(LintOptions Lint = {}) {
  WorkspaceOptions O;
  O.RulesDirs = {LSP_TEST_PACK_DIR};
  O.NoConfig = true;
  if (Lint.Today.empty())
    Lint.Today = "2026-11-01";
  O.Lint = Lint;
  auto W = Workspace::create(O);
  if (!W) {
    ADD_FAILURE() << llvm::toString(W.takeError());
    return nullptr;
  }
  return std::move(*W);
}

/// Only the test pack's rules (and the engine's own checks) are on, so the
/// health pack being rewritten does not move the results.
inline FileSettings testPackOnly(const Workspace &W, FileType T) {
  FileSettings S = defaultSettings(W.rules(), T);
  for (size_t I = 0; I < W.rules().rules().size(); ++I)
    S.Enabled[I] =
        llvm::StringRef(W.rules().rules()[I].Id).startswith("lsptest/");
  return S;
}

} // namespace lsptest
} // namespace claimlint

#endif
