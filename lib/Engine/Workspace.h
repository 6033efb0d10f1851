//===- Engine/Workspace.h - Rules, lexicon and configs, loaded ---*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Everything a front end (the CLI, the language server) needs to lint files
/// the way a project is configured: the rule packs (built-in, --rules-dir,
/// and those configs add), the context lexicon with the configs' additions,
/// the config chain of each folder, and from them each file's settings.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_WORKSPACE_H
#define CLAIMLINT_ENGINE_WORKSPACE_H

#include "Engine/Config.h"
#include "Engine/Linter.h"

#include "llvm/ADT/ArrayRef.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace claimlint {

struct WorkspaceOptions {
  std::vector<std::string> RulesDirs;
  llvm::Optional<std::string> Config; ///< --config: no discovery
  bool NoConfig = false;
  std::string Profile;                ///< --profile; empty: configs decide
  std::vector<std::string> Enable, Disable; ///< command-line rule globs
  llvm::Optional<FileType> ForceType;
  LintOptions Lint;
};

class Workspace {
public:
  /// Loads configs for the folders of \p Files (configs may name more rule
  /// folders), then every rule pack and the lexicon. All errors at once.
  static llvm::Expected<std::unique_ptr<Workspace>>
  create(WorkspaceOptions Opts, llvm::ArrayRef<std::string> Files = {});

  const RuleSet &rules() const { return *Rules; }
  const Analyzer &analyzer() const { return *Context; }
  const Linter &linter() const { return *L; }
  const std::set<std::string> &profiles() const { return Profiles; }
  const WorkspaceOptions &options() const { return Opts; }

  /// Settings for \p Path (a real or intended file path; its folder picks the
  /// configs). Sets \p Ignored when a config's "ignore" matches it.
  FileSettings settingsFor(llvm::StringRef Path, bool &Ignored);

  /// Whether a folder walk should pick up \p Path (known extension or a
  /// config's "fileTypes").
  bool wanted(llvm::StringRef Path);

  /// Config errors met after create() (a folder whose config is broken).
  llvm::Error takeConfigErrors() { return Configs.takeErrors(); }

  /// The rule id closest to \p Name, or "" (for "did you mean").
  std::string nearestRule(llvm::StringRef Name) const;
  /// True if \p Glob matches a rule or engine-check id.
  bool anyRuleMatches(llvm::StringRef Glob) const;

private:
  explicit Workspace(WorkspaceOptions Opts)
      : Opts(std::move(Opts)), Configs(this->Opts.Config, this->Opts.NoConfig) {}
  const std::vector<std::shared_ptr<ConfigFile>> &chainFor(llvm::StringRef Path);

  WorkspaceOptions Opts;
  ConfigResolver Configs;
  std::unique_ptr<RuleSet> Rules;
  std::unique_ptr<Analyzer> Context;
  std::unique_ptr<Linter> L;
  std::set<std::string> Profiles;
  std::map<std::string, std::string> PackFromConfigDir; // pack -> rules dir
};

/// The reader a path's extension implies (.md -> Markdown, .html -> HTML).
FileType fileTypeFromExtension(llvm::StringRef Path);

/// \p Path relative to folder \p Dir (absolute), or its absolute path.
std::string pathRelativeTo(llvm::StringRef Dir, llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_WORKSPACE_H
