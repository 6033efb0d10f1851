//===- Audit/Progress.h - A progress bar on stderr ---------------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One line, redrawn at most ten times a second: a bar, items done of the
/// total, MB/s and the time left. Drawn only when enabled (the driver enables
/// it when stderr is a terminal); the line is erased at the end.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_AUDIT_PROGRESS_H
#define CLAIMLINT_AUDIT_PROGRESS_H

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <string>

namespace claimlint {

class ProgressBar {
public:
  ProgressBar(llvm::raw_ostream &OS, bool Enabled, std::string Unit = "files")
      : OS(OS), Enabled(Enabled), Unit(std::move(Unit)),
        Start(std::chrono::steady_clock::now()) {}
  ~ProgressBar() { finish(); }

  void setTotal(size_t N) { Total = N; }
  /// Sets the counts (a crawl learns its total as it goes).
  void update(size_t NewDone, size_t NewTotal);
  /// One more item of \p Bytes done.
  void advance(uint64_t Bytes);
  /// Erases the line.
  void finish();

  /// The line as drawn, for tests: \p Seconds since the start.
  std::string line(double Seconds, unsigned Width = 80) const;

private:
  void draw(bool Force);

  llvm::raw_ostream &OS;
  bool Enabled;
  std::string Unit;
  std::chrono::steady_clock::time_point Start, LastDraw;
  size_t Done = 0, Total = 0;
  uint64_t Bytes = 0;
  bool Drawn = false;
};

} // namespace claimlint

#endif // CLAIMLINT_AUDIT_PROGRESS_H
