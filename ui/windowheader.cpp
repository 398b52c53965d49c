#include "ui/windowheader.h"

#include "ui/messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bd {

WindowHeader::WindowHeader(QWidget* parent)
    : QWidget(parent)
    , m_org(new QLabel(this))
    , m_region(new QLabel(this))
    , m_demo(new MessageBanner(this))
{
    m_org->setObjectName(u"orgLabel"_s);
    QFont orgFont = m_org->font();
    orgFont.setPointSizeF(orgFont.pointSizeF() * 1.35);
    orgFont.setBold(true);
    m_org->setFont(orgFont);
    m_region->setObjectName(u"regionLabel"_s);
    m_region->setToolTip(tr("Genesys Cloud region or server"));
    m_region->setStyleSheet(
        u"QLabel { border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px; }"_s);
    m_demo->setObjectName(u"demoBanner"_s);

    auto* row = new QHBoxLayout;
    row->addWidget(m_org);
    row->addWidget(m_region);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_demo);
}

WindowHeader::~WindowHeader() = default;

void WindowHeader::setOrgText(const QString& text)
{
    m_org->setText(text);
}

void WindowHeader::setRegion(const QString& region)
{
    m_region->setText(region);
    m_region->setVisible(!region.isEmpty());
}

void WindowHeader::setDemo(bool demo)
{
    if (!demo) {
        m_demo->clear();
        return;
    }
    m_demo->showMessage(MessageBanner::Kind::Warning,
        tr("<b>Demo data.</b> No Genesys Cloud account is in use, so the dashboard shows a simulated "
           "org served by the built-in billing-sim, through the same network code a real org uses. "
           "Use <i>Profile ▸ Sign in to another org…</i> for your own."));
}

} // namespace bd
