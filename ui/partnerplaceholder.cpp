#include "ui/partnerplaceholder.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

PartnerPlaceholder::PartnerPlaceholder(QWidget* parent)
    : DashboardPage(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(u"The partner view walks a customer org's billing periods."_s, this);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
}

} // namespace bd
