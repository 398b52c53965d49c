#pragma once

#include "ui/dashboardpage.h"

namespace bd {

/// Stands in for the partner page until it is built.
class PartnerPlaceholder final : public DashboardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartnerPlaceholder)

public:
    explicit PartnerPlaceholder(QWidget* parent = nullptr);
    void refresh() override { }
    void cancel() override { }
    void exportInteractively() override { }
    void copySelection() override { }
    void printInteractively() override { }
    void setProvenance(const Provenance&) override { }
    PageStatus status() const override { return {}; }
};

} // namespace bd
