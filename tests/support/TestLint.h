//===- support/TestLint.h - A linter over the source rule packs --*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_TESTS_TESTLINT_H
#define CLAIMLINT_TESTS_TESTLINT_H

#include "Engine/Linter.h"
#include "Rules/RuleLoader.h"
#include "Support/FileSystem.h"

#include <memory>
#include <string>

namespace claimlint {

/// Rules from the source tree's rules/ (not the embedded copy, so a test run
/// sees the files as they are) and the lexicon, compiled once.
struct TestRules {
  std::unique_ptr<RuleSet> Rules;
  std::unique_ptr<Analyzer> Context;
  std::string Error;

  static const TestRules &get() {
    static TestRules T = load();
    return T;
  }

  FileReport lint(const std::string &Text, const FileSettings &S,
                  LintOptions O = {}) const {
    Linter L(*Rules, *Context, O);
    return L.lint("test", Text, S);
  }

private:
  static TestRules load() {
    TestRules T;
    RuleLoader Loader;
    Loader.addDirectory(CLAIMLINT_SOURCE_DIR "/rules");
    auto Loaded = Loader.load();
    if (!Loaded) {
      T.Error = llvm::toString(Loaded.takeError());
      return T;
    }
    auto RS = RuleSet::build(std::move(Loaded->Rules));
    if (!RS) {
      T.Error = llvm::toString(RS.takeError());
      return T;
    }
    T.Rules = std::move(*RS);
    auto Text = readFile(CLAIMLINT_SOURCE_DIR "/rules/lexicon.json");
    if (!Text) {
      T.Error = llvm::toString(Text.takeError());
      return T;
    }
    auto Lex = Lexicon::parse("rules/lexicon.json", *Text);
    if (!Lex) {
      T.Error = llvm::toString(Lex.takeError());
      return T;
    }
    auto A = Analyzer::create(*Lex);
    if (!A) {
      T.Error = llvm::toString(A.takeError());
      return T;
    }
    T.Context = std::move(*A);
    return T;
  }
};

} // namespace claimlint

#endif // CLAIMLINT_TESTS_TESTLINT_H
